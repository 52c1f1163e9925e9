import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue';

/** Background jobs on pg-boss (DESIGN §1), one queue per kind of job; the publish queue is worked by publishing/. */
@Global()
@Module({ providers: [JobQueue], exports: [JobQueue] })
export class JobsModule {}
