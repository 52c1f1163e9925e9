import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { PivotDemand } from './pivot-demand.service';
import { PivotSnapshotService } from './pivot-snapshot.service';
import { PivotResolver } from './pivot.resolver';
import { PivotService } from './pivot.service';

@Module({
  imports: [HierarchyModule],
  providers: [PivotSnapshotService, PivotService, PivotResolver, PivotDemand],
  exports: [PivotSnapshotService, PivotService, PivotDemand],
})
export class PivotModule {}
