import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Registry } from 'prom-client';
import { ApiExcludeController } from '@nestjs/swagger';
import { METRICS_REGISTRY } from '@tdnv/metrics';
import { Public } from '../auth/auth.guard';

/**
 * Prometheus scrape endpoint. Public by default (meant for the monitoring network); with
 * METRICS_ACCESS=admin an onRequest hook asks for an admin token first (http/admin-only.ts).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
