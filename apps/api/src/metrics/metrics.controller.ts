import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { metricsRegistry } from '@tdnv/metrics';
import { Public } from '../auth/auth.guard';

/**
 * Prometheus scrape endpoint. Public by default (meant for the monitoring network); with
 * METRICS_ACCESS=admin an onRequest hook asks for an admin token first (http/admin-only.ts).
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  @Public()
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  metrics(): Promise<string> {
    return metricsRegistry.metrics();
  }
}
