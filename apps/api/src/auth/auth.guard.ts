import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, createParamDecorator } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, userById } from '@tdnv/domain';
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

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new ProblemError(problem('unauthenticated', 'Thiếu mã xác thực (Authorization: Bearer <token>)'));
    const claims = await this.verify(match[1]);
    // Tokens of managed users stop working when the user is disabled or signs out; development
    // tokens (npm run token) name no managed user.
    const user = userById((await this.users.users()).users, claims.actor.id);
    if (user?.disabled) throw new ProblemError(problem('unauthenticated', 'Tài khoản đã bị khóa'));
    if (user?.signedOutAt && (claims.issuedAtMs ?? 0) <= Date.parse(user.signedOutAt))
      throw new ProblemError(problem('unauthenticated', 'Phiên đăng nhập đã kết thúc; vui lòng đăng nhập lại'));
    request.actor = claims.actor;
    return true;
  }

  // A client sends the same token with every request; its signature is checked once until it
  // expires (every accepted token has an exp; revocation is checked on every request above).
  private readonly verified = new Map<string, VerifiedToken>();

  private async verify(token: string): Promise<VerifiedToken> {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAtMs > Date.now()) return hit;
    try {
      const claims = await verifyTokenClaims(token, this.secret());
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.clear();
      this.verified.set(token, claims);
      return claims;
    } catch (error) {
      this.verified.delete(token);
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

const VERIFIED_CACHE_SIZE = 10_000;

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  return context.switchToHttp().getRequest<AuthenticatedRequest>().actor!;
});

/** For endpoints whose rule is a role, not a task's ownership (the domain checks the latter). */
export function requireRole(actor: Actor, ...roles: Actor['role'][]): void {
  if (!roles.includes(actor.role))
    throw new ProblemError(problem('forbidden', `Chỉ vai trò ${roles.join(', ')} được thực hiện thao tác này`));
}
