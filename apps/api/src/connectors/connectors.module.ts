import { Module } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { CONNECTOR, POST_CONNECTOR } from './connector';
import { GraphConnector } from './graph-connector';
import { GraphMetricsConnector } from './graph-metrics-connector';
import { METRICS_CONNECTOR } from './metrics-connector';
import { SandboxConnector } from './sandbox-connector';
import { SandboxMetricsConnector } from './sandbox-metrics-connector';

/**
 * To and from the networks. Replies always go through the sandbox for now; posts through the
 * sandbox (the default, and demo mode) or the Graph API page-feed connector (PUBLISH_CONNECTOR=graph);
 * page metrics from the sandbox's made-up series or the Graph API page insights (METRICS_CONNECTOR=graph).
 */
@Module({
  providers: [
    SandboxConnector,
    GraphConnector,
    SandboxMetricsConnector,
    GraphMetricsConnector,
    { provide: CONNECTOR, useExisting: SandboxConnector },
    {
      provide: POST_CONNECTOR,
      inject: [APP_CONFIG, SandboxConnector, GraphConnector],
      useFactory: (config: ResolvedConfig, sandbox: SandboxConnector, graph: GraphConnector) => (config.publishing.connector === 'graph' ? graph : sandbox),
    },
    {
      provide: METRICS_CONNECTOR,
      inject: [APP_CONFIG, SandboxMetricsConnector, GraphMetricsConnector],
      useFactory: (config: ResolvedConfig, sandbox: SandboxMetricsConnector, graph: GraphMetricsConnector) => (config.pageMetrics.connector === 'graph' ? graph : sandbox),
    },
  ],
  exports: [CONNECTOR, POST_CONNECTOR, METRICS_CONNECTOR],
})
export class ConnectorsModule {}
