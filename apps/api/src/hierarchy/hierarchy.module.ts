import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { BrandResolver } from './brand.resolver';
import { Brand } from './brand.entity';
import { HierarchyService } from './hierarchy.service';
import { MarketAlias } from './market-alias.entity';
import { Page } from './page.entity';
import { PageLoadersFactory } from './page.loaders';
import { PageMoved } from './page-moved.event';
import { MarketAliasResolver, PageResolver } from './page.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Brand, Page, MarketAlias]), AuditModule],
  providers: [HierarchyService, PageLoadersFactory, PageMoved, BrandResolver, PageResolver, MarketAliasResolver],
  exports: [HierarchyService, PageLoadersFactory, PageMoved],
})
export class HierarchyModule {}
