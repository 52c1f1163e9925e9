import { Global, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { RealtimeService } from './realtime.service';
import { SubscriptionStreams } from './subscription-streams';

/** Live events across instances (PostgreSQL LISTEN/NOTIFY) for GraphQL subscriptions. */
@Global()
@Module({
  imports: [AuthModule],
  providers: [RealtimeService, SubscriptionStreams],
  exports: [RealtimeService, SubscriptionStreams],
})
export class RealtimeModule {}
