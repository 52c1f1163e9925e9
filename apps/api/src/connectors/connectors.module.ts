import { Module } from '@nestjs/common';
import { APP_CONFIG, type ResolvedConfig } from '../config/app-config';
import { CONNECTOR, POST_CONNECTOR } from './connector';
import { GraphConnector } from './graph-connector';
import { SandboxConnector } from './sandbox-connector';

/**
 * Outbound to the networks. Replies always go through the sandbox for now; posts through the
 * sandbox (the default, and demo mode) or the Graph API page-feed connector (PUBLISH_CONNECTOR=graph).
 */
@Module({
  providers: [
    SandboxConnector,
    GraphConnector,
    { provide: CONNECTOR, useExisting: SandboxConnector },
    {
      provide: POST_CONNECTOR,
      inject: [APP_CONFIG, SandboxConnector, GraphConnector],
      useFactory: (config: ResolvedConfig, sandbox: SandboxConnector, graph: GraphConnector) => (config.publishing.connector === 'graph' ? graph : sandbox),
    },
  ],
  exports: [CONNECTOR, POST_CONNECTOR],
})
export class ConnectorsModule {}
