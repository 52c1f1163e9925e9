import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { PivotSnapshotService } from './pivot-snapshot.service';
import { PivotResolver } from './pivot.resolver';
import { PivotService } from './pivot.service';

@Module({
  imports: [HierarchyModule],
  providers: [PivotSnapshotService, PivotService, PivotResolver],
  exports: [PivotSnapshotService, PivotService],
})
export class PivotModule {}
