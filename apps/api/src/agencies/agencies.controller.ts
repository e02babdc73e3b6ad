import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { Clock, CLOCK } from '@tdnv/config';
import { Actor, authorizeImportUnits } from '@tdnv/domain';
import { CurrentActor } from '../auth/auth.guard';
import { problem, ProblemError } from '../http/problem';
import { commandContext } from '../http/request-context';
import {
  AddAgencyUnitCommand,
  AgencyCommandResult,
  ImportAgencyUnitsCommand,
  UnitImportResult,
  UpdateAgencyContactsCommand,
  AgencyDirectory,
  AgencyListItem,
} from '@tdnv/agency-directory';
import { ContactsDto, UnitDto } from './agency-requests.dto';
import { uploadedUnits } from './unit-file-upload';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('api/v1/agencies')
export class AgenciesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly directory: AgencyDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ApiOperation({ summary: 'The agency catalogue (danh mục cơ quan) with units and groups' })
  @Get()
  async list(): Promise<{ items: AgencyListItem[] }> {
    return { items: (await this.directory.snapshot()).list() };
  }

  @ApiOperation({ summary: 'One agency, its contacts and units' })
  @Get(':code')
  async get(@Param('code') code: string): Promise<AgencyListItem> {
    const item = (await this.directory.snapshot()).list().find((a) => a.code === code);
    if (!item) throw new ProblemError(problem('not-found', `Không có cơ quan ${code}`));
    return item;
  }

  @ApiOperation({ summary: 'Set an agency’s focal point and leader emails (admin)' })
  @Put(':code/contacts')
  @HttpCode(200)
  contacts(
    @Param('code') code: string,
    @Body() body: ContactsDto,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<AgencyCommandResult> {
    return this.commandBus.execute(new UpdateAgencyContactsCommand(code, body, commandContext(req, actor, this.clock)));
  }

  @ApiOperation({ summary: 'Add a unit under an agency (an admin, VPCP or the agency itself)' })
  @Post(':code/units')
  addUnit(
    @Param('code') code: string,
    @Body() body: UnitDto,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<AgencyCommandResult> {
    return this.commandBus.execute(new AddAgencyUnitCommand(code, body, commandContext(req, actor, this.clock)));
  }

  @ApiOperation({
    summary:
      'Import a catalogue file of units under an agency (admin): CSV or XLSX as multipart field `file`, or CSV as text/plain; all or nothing',
  })
  @Post(':code/units/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data', 'text/plain')
  async importUnits(
    @Param('code') code: string,
    @Body() body: unknown,
    @Req() req: FastifyRequest,
    @CurrentActor() actor: Actor,
  ): Promise<UnitImportResult> {
    authorizeImportUnits(actor);
    const lines = await uploadedUnits(req, body);
    const context = commandContext(req, actor, this.clock, lines);
    return this.commandBus.execute(new ImportAgencyUnitsCommand(code, lines, context));
  }
}
