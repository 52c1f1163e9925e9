import { Module } from '@nestjs/common';
import { CONNECTOR } from './connector';
import { SandboxConnector } from './sandbox-connector';

/** Outbound to the networks. Only the sandbox for now; a Graph API connector comes with publishing. */
@Module({
  providers: [SandboxConnector, { provide: CONNECTOR, useExisting: SandboxConnector }],
  exports: [CONNECTOR],
})
export class ConnectorsModule {}
