import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { PivotDemand } from './pivot-demand.service';
import { PivotSnapshotService } from './pivot-snapshot.service';
import { PivotResolver } from './pivot.resolver';
import { PivotRoute } from './pivot.route';
import { PivotService } from './pivot.service';

/** The public pivot: its HTTP route (pivot.route.ts), its GraphQL query, and the snapshot both read. */
@Module({
  imports: [HierarchyModule],
  providers: [PivotSnapshotService, PivotService, PivotResolver, PivotRoute, PivotDemand],
  exports: [PivotSnapshotService, PivotService, PivotDemand],
})
export class PivotModule {}
