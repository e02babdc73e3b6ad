import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { hashPassword } from '@tdnv/auth';
import { Clock, CLOCK } from '@tdnv/config';
import { Actor, normalizeEmail } from '@tdnv/domain';
import { AgencyDirectory } from '@tdnv/agency-directory';
import { CurrentActor, requireRole } from '../auth/auth.guard';
import { commandContext } from '../http/request-context';
import { ChangeUsers, PublicUser, publicUser, UserDirectory, userIdFor } from '@tdnv/users';
import { CreateUserDto } from './users.dto';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1/users')
export class UsersController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly users: UserDirectory,
    private readonly agencies: AgencyDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ApiOperation({ summary: 'Create a user (admin)' })
  @Post()
  async create(@Body() body: CreateUserDto, @CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<PublicUser> {
    requireRole(actor, 'admin');
    const email = normalizeEmail(body.email);
    const userId = userIdFor(email);
    const agencyExists = body.agency ? (await this.agencies.snapshot()).agency(body.agency) !== undefined : true;
    const data = {
      userId,
      email,
      name: body.name,
      role: body.role,
      agency: body.agency,
      passwordHash: await hashPassword(body.password),
      createdAt: this.clock.now().toISOString(),
    };
    return this.commandBus.execute(
      new ChangeUsers(
        { kind: 'create', user: data, agencyExists },
        commandContext(req, actor, this.clock, { ...body, password: undefined }),
      ),
    );
  }

  @ApiOperation({ summary: 'List users (admin)' })
  @Get()
  async list(@CurrentActor() actor: Actor): Promise<{ items: PublicUser[] }> {
    requireRole(actor, 'admin');
    const { users } = await this.users.users();
    return {
      items: Object.values(users)
        .map(publicUser)
        .sort((a, b) => a.email.localeCompare(b.email)),
    };
  }

  @ApiOperation({ summary: 'Disable a user (admin): their tokens stop working' })
  @Post(':id/disable')
  @HttpCode(200)
  disable(@Param('id') id: string, @CurrentActor() actor: Actor, @Req() req: FastifyRequest): Promise<PublicUser> {
    requireRole(actor, 'admin');
    const at = this.clock.now().toISOString();
    return this.commandBus.execute(new ChangeUsers({ kind: 'disable', userId: id, at }, commandContext(req, actor, this.clock)));
  }
}
