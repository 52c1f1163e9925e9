import { Global, Module, type DynamicModule } from '@nestjs/common';
import { QueryCounter } from './database/query-counter';
import { APP_CONFIG, type ResolvedConfig } from './config/app-config';

/** The validated configuration and the statement counter, visible to every module. */
@Global()
@Module({})
export class CoreModule {
  static register(config: ResolvedConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: QueryCounter, useValue: new QueryCounter() },
      ],
      exports: [APP_CONFIG, QueryCounter],
    };
  }
}
