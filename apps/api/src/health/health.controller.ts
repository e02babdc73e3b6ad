import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { EventStore } from '@tdnv/event-store';
import { EVENT_STORE } from '@tdnv/config';
import { Public } from '../auth/auth.guard';
import { Readiness, ReadinessChecks } from './readiness';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readiness: ReadinessChecks,
  ) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'The event store answers (kept for existing monitors; see /health/ready)' })
  async health(): Promise<{ status: 'ok'; eventStore: 'ok' }> {
    // Reading a stream proves the event store answers (a missing stream is a fine answer).
    await this.store.readStream('health-check');
    return { status: 'ok', eventStore: 'ok' };
  }

  /** Liveness: the process answers. It checks nothing else, so a database outage never gets the API restarted. */
  @Public()
  @Get('health/live')
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process is up and its event loop answers' })
  live(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /** Readiness: 200 when this instance can serve (also `degraded`: no live worker), 503 otherwise or while it drains. */
  @Public()
  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness: event store, read-model database, Redis and the workers’ heartbeat' })
  @ApiResponse({ status: 200, description: 'ok, or degraded when no worker is alive' })
  @ApiResponse({ status: 503, description: 'the event store, the read models or Redis do not answer, or the instance is shutting down' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<Readiness> {
    const readiness = await this.readiness.check();
    if (readiness.status === 'unavailable' || readiness.status === 'draining') void reply.status(503);
    return readiness;
  }

  /** A trivial endpoint on the same server, the baseline of the HTTP benchmark. */
  @Public()
  @ApiOperation({ summary: 'Answers pong (load-balancer and benchmark probe)' })
  @Get('ping')
  ping(): { pong: true } {
    return { pong: true };
  }
}
