import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { EventStore } from '@tdnv/event-store';
import { Public } from '../auth/auth.guard';
import { EVENT_STORE } from '@tdnv/config';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Public()
  @Get('health')
  async health(): Promise<{ status: 'ok'; eventStore: 'ok' }> {
    // Reading a stream proves the event store answers (a missing stream is a fine answer).
    await this.store.readStream('health-check');
    return { status: 'ok', eventStore: 'ok' };
  }

  /** A trivial endpoint on the same server, the baseline of the HTTP benchmark. */
  @Public()
  @Get('ping')
  ping(): { pong: true } {
    return { pong: true };
  }
}
