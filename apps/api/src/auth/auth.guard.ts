import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, Type, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, userById, Users } from '@tdnv/domain';
import { InvalidTokenError, VerifiedToken, verifyTokenClaims } from '@tdnv/auth';
import { AppConfig, APP_CONFIG } from '@tdnv/config';
import { problem, ProblemError } from '../http/problem';
import { UserDirectory } from '@tdnv/users';

const PUBLIC = 'auth:public';
/** Marks an endpoint that needs no bearer token (health, docs). */
export const Public = () => SetMetadata(PUBLIC, true);

interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserDirectory,
  ) {}

  /**
   * Synchronous when the token was verified before and the user directory's cache is fresh (every
   * request of a signed-in client): no promise is made. The same checks run on either path.
   */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (this.isPublic(context.getClass(), context.getHandler())) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const known = typeof header === 'string' ? this.alreadyVerified(header) : undefined;
    const users = known && this.users.fresh();
    if (!users) return this.activate(request, header);
    request.actor = admitted(known, users.users);
    return true;
  }

  private async activate(request: AuthenticatedRequest, header: string | string[] | undefined): Promise<boolean> {
    if (typeof header !== 'string') throw unauthenticated();
    const claims = this.alreadyVerified(header) ?? (await this.verify(header));
    request.actor = admitted(claims, (await this.users.users()).users);
    return true;
  }

  // @Public() is fixed when the controllers are defined: looked up once per (class, handler).
  private readonly publicByClass = new WeakMap<object, WeakMap<object, boolean>>();

  private isPublic(type: object, handler: object): boolean {
    let byHandler = this.publicByClass.get(type);
    if (!byHandler) this.publicByClass.set(type, (byHandler = new WeakMap()));
    let known = byHandler.get(handler);
    if (known === undefined) {
      known = this.reflector.getAllAndOverride<boolean>(PUBLIC, [handler as () => void, type as Type]) === true;
      byHandler.set(handler, known);
    }
    return known;
  }

  // A client sends the same Authorization header with every request; its token's signature is
  // checked once until it expires (every accepted token has an exp; revocation, admitted(), is
  // checked on every request).
  private readonly verified = new Map<string, VerifiedToken>();

  private alreadyVerified(header: string): VerifiedToken | undefined {
    const hit = this.verified.get(header);
    return hit && hit.expiresAtMs > Date.now() ? hit : undefined;
  }

  private async verify(header: string): Promise<VerifiedToken> {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated();
    try {
      const claims = await verifyTokenClaims(match[1], this.secret());
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
      this.verified.set(header, claims);
      return claims;
    } catch (error) {
      this.verified.delete(header);
      if (error instanceof InvalidTokenError)
        throw new ProblemError(problem('unauthenticated', `Mã xác thực không hợp lệ: ${error.message}`));
      throw error;
    }
  }

  private secret(): string {
    if (this.config.jwtSecret) return this.config.jwtSecret;
    // main.ts refuses to start without a key; an app built some other way still accepts no token.
    throw new ProblemError(problem('internal', 'Máy chủ chưa được cấu hình khóa ký mã xác thực'));
  }
}

const unauthenticated = () => new ProblemError(problem('unauthenticated', 'Thiếu mã xác thực (Authorization: Bearer <token>)'));

/**
 * Tokens of managed users stop working when the user is disabled or signs out; development tokens
 * (npm run token) name no managed user.
 */
function admitted(claims: VerifiedToken, users: Users): Actor {
  const user = userById(users, claims.actor.id);
  if (user?.disabled) throw new ProblemError(problem('unauthenticated', 'Tài khoản đã bị khóa'));
  if (user?.signedOutAt && (claims.issuedAtMs ?? 0) <= Date.parse(user.signedOutAt))
    throw new ProblemError(problem('unauthenticated', 'Phiên đăng nhập đã kết thúc; vui lòng đăng nhập lại'));
  return claims.actor;
}

const VERIFIED_CACHE_SIZE = 10_000;

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor!;
});

/** For endpoints whose rule is a role, not a task's ownership (the domain checks the latter). */
export function requireRole(actor: Actor, ...roles: Actor['role'][]): void {
  if (!roles.includes(actor.role))
    throw new ProblemError(problem('forbidden', `Chỉ vai trò ${roles.join(', ')} được thực hiện thao tác này`));
}
