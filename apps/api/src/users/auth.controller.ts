import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { verifyAgainstDummy, verifyPassword, signToken } from '@tdnv/auth';
import { AppConfig, requireJwtSecret, Clock, APP_CONFIG, CLOCK } from '@tdnv/config';
import { Actor, normalizeEmail, User, userById } from '@tdnv/domain';
import { CurrentActor, Public } from '../auth/auth.guard';
import { problem, ProblemError } from '../http/problem';
import { commandContext } from '../http/request-context';
import { LoginAttempt } from './login-rate-limiter';
import { SharedLoginRateLimiter } from './shared-login-limiter';
import { ChangeUsers, PublicUser, publicUser, UserDirectory } from '@tdnv/users';
import { LoginDto } from './users.dto';

const TOKEN_HOURS = 10;

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    // Its bounds and the reasons for them are in login-rate-limiter.ts; shared by every instance through Redis.
    private readonly limiter: SharedLoginRateLimiter,
    private readonly users: UserDirectory,
    private readonly commandBus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Đăng nhập: a bearer token for the same API, or 401 with one message for any wrong pair. */
  @Public()
  @ApiOperation({ summary: 'Sign in (đăng nhập) with email and password: a bearer token' })
  @Post('login')
  @HttpCode(200)
  async login(
    @Body() body: LoginDto,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ token: string; user: PublicUser }> {
    const email = normalizeEmail(body.email);
    // Reserved (atomically, in Redis) before the password is checked: parallel guesses on any instance are counted first.
    const attempt = await this.reserve(email, req.ip, reply);
    const user = await this.users.byEmail(email);
    // The same answer, after the same scrypt work, whether the email is unknown, the user disabled
    // or the password wrong: neither the message nor the time tells which accounts exist.
    const matches = await passwordMatches(user, body.password);
    if (!matches || !user) throw new ProblemError(problem('unauthenticated', 'Email hoặc mật khẩu không đúng'));
    await this.limiter.succeeded(attempt);
    // Token lifetimes are security, not business time: they follow the real clock even when
    // CLOCK_START moves the business clock (a demo set in 2020 must not issue expired tokens).
    const now = Date.now();
    const claims = { sub: user.userId, role: user.role, agency: user.agency, name: user.name, iatMs: now };
    const token = signToken(claims, requireJwtSecret(this.config), TOKEN_HOURS * 3600, Math.floor(now / 1000));
    return { token, user: publicUser(user) };
  }

  private async reserve(email: string, address: string, reply: FastifyReply): Promise<LoginAttempt> {
    const reservation = await this.limiter.reserve(email, address);
    if (reservation.allowed) return reservation.attempt;
    const wait = reservation.retryAfterSeconds;
    void reply.header('retry-after', String(wait)); // kept by the problem+json filter, which answers on this reply
    throw new ProblemError(problem('too-many-requests', `Đăng nhập sai quá nhiều lần; thử lại sau ${inWords(wait)}`, { retryAfter: wait }));
  }

  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: every token issued so far stops working' })
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<void> {
    const at = new Date().toISOString(); // real time, compared with the tokens' real issue times
    await this.commandBus.execute(new ChangeUsers({ kind: 'sign-out', userId: actor.id, at }, commandContext(req, actor, this.clock)));
  }

  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user' })
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<PublicUser | { id: string; role: string; agency?: string }> {
    const user = userById((await this.users.users()).users, actor.id);
    return user ? publicUser(user) : { id: actor.id, role: actor.role, agency: actor.agency };
  }
}

async function passwordMatches(user: User | undefined, password: string): Promise<boolean> {
  if (!user || user.disabled) return verifyAgainstDummy(password);
  return verifyPassword(password, user.passwordHash);
}

function inWords(seconds: number): string {
  return seconds < 60 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`;
}
