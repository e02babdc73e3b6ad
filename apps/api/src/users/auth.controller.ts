import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { verifyPassword } from '../../../../libs/auth/src/password';
import { signToken } from '../../../../libs/auth/src/jwt';
import { AppConfig, requireJwtSecret } from '../../../../libs/config/src/app-config';
import { Clock } from '../../../../libs/config/src/clock';
import { Actor } from '../../../../libs/domain/src/actor';
import { decideSignOut, normalizeEmail } from '../../../../libs/domain/src/user/user-directory';
import { CurrentActor, Public } from '../auth/auth.guard';
import { problem, ProblemError } from '../http/problem';
import { commandContext } from '../http/request-context';
import { APP_CONFIG, CLOCK } from '../tokens';
import { LoginRateLimiter } from './login-rate-limiter';
import { ChangeUsers } from './users.commands';
import { LoginDto } from './users.dto';
import { PublicUser, publicUser, UserDirectory } from './user-directory.service';

const TOKEN_HOURS = 10;

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  // Per account: a few guesses. Per address: many more, since a whole ministry may sign in from behind one NAT address.
  private readonly perEmail = new LoginRateLimiter(5);
  private readonly perAddress = new LoginRateLimiter(100);

  constructor(
    private readonly users: UserDirectory,
    private readonly commandBus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Đăng nhập: a bearer token for the same API, or 401 with one message for any wrong pair. */
  @Public()
  @Post('login') @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() req: FastifyRequest): Promise<{ token: string; user: PublicUser }> {
    const email = normalizeEmail(body.email);
    const wait = Math.max(this.perEmail.retryAfter([email]), this.perAddress.retryAfter([req.ip]));
    if (wait > 0) throw new ProblemError(problem('too-many-requests', `Đăng nhập sai quá nhiều lần; thử lại sau ${Math.ceil(wait / 60)} phút`, { retryAfter: wait }));
    const user = await this.users.byEmail(email);
    // The same answer whether the email is unknown or the password wrong: no account probing.
    if (!user || user.disabled || !(await verifyPassword(body.password, user.passwordHash))) {
      this.perEmail.fail([email]);
      this.perAddress.fail([req.ip]);
      throw new ProblemError(problem('unauthenticated', 'Email hoặc mật khẩu không đúng'));
    }
    this.perEmail.succeed([email]);
    // Token lifetimes are security, not business time: they follow the real clock even when
    // CLOCK_START moves the business clock (a demo set in 2020 must not issue expired tokens).
    const now = Date.now();
    const claims = { sub: user.userId, role: user.role, agency: user.agency, name: user.name, iatMs: now };
    const token = signToken(claims, requireJwtSecret(this.config), TOKEN_HOURS * 3600, Math.floor(now / 1000));
    return { token, user: publicUser(user) };
  }

  @ApiBearerAuth()
  @Post('logout') @HttpCode(204)
  async logout(@CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<void> {
    const at = new Date().toISOString(); // real time, compared with the tokens' real issue times
    await this.commandBus.execute(new ChangeUsers((users) => decideSignOut(actor.id, users, at), () => undefined, commandContext(req, actor, this.clock)));
  }

  @ApiBearerAuth()
  @Get('me')
  async me(@CurrentActor() actor: Actor): Promise<PublicUser | { id: string; role: string; agency?: string }> {
    const user = (await this.users.users()).users[actor.id];
    return user ? publicUser(user) : { id: actor.id, role: actor.role, agency: actor.agency };
  }
}
