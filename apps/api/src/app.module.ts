import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { LoggerModule, PinoLogger } from 'nestjs-pino';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AuthService } from './auth/auth.service';
import { APP_CONFIG, type ResolvedConfig } from './config/app-config';
import { CoreModule } from './core.module';
import { ConversationMetricsModule } from './conversation-metrics/conversation-metrics.module';
import { DatabaseOutage } from './database/database-outage';
import { DatabaseModule } from './database/database.module';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthModule } from './health/health.module';
import { HierarchyModule } from './hierarchy/hierarchy.module';
import { InsightsModule } from './insights/insights.module';
import { JobsModule } from './jobs/jobs.module';
import { AppErrorFilter } from './http/app-error.filter';
import { loggerParams } from './http/logger';
import { PageMetricsModule } from './page-metrics/page-metrics.module';
import { PivotModule } from './pivot/pivot.module';
import { PublishingModule } from './publishing/publishing.module';
import { RealtimeModule } from './realtime/realtime.module';
import { TeamModule } from './team/team.module';
import { ReplyQueueModule } from './reply-queue/reply-queue.module';

/** The app's domains, each in its folder; print-schema.ts finds the GraphQL resolvers in them. */
export const FEATURE_MODULES = [
  AuthModule,
  TeamModule,
  AuditModule,
  HierarchyModule,
  PivotModule,
  RealtimeModule,
  ReplyQueueModule,
  PublishingModule,
  PageMetricsModule,
  ConversationMetricsModule,
  InsightsModule,
  HealthModule,
];

@Module({})
export class AppModule {
  static register(config: ResolvedConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(config),
        LoggerModule.forRoot(loggerParams(config)),
        DatabaseModule,
        JobsModule,
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule],
          inject: [APP_CONFIG, PinoLogger, DatabaseOutage, AuthService],
          useFactory: (cfg: ResolvedConfig, logger: PinoLogger, outage: DatabaseOutage, auth: AuthService) =>
            graphqlOptions(cfg, logger, outage, async (token) => (await auth.actorFor(token, null)) !== null),
        }),
        ...FEATURE_MODULES,
      ],
      providers: [{ provide: APP_FILTER, useClass: AppErrorFilter }],
    };
  }
}
