import { Module } from '@nestjs/common';
import { HierarchyModule } from '../hierarchy/hierarchy.module';
import { PivotSnapshotService } from './pivot-snapshot.service';
import { PivotController } from './pivot.controller';
import { PivotResolver } from './pivot.resolver';
import { PivotService } from './pivot.service';

@Module({
  imports: [HierarchyModule],
  controllers: [PivotController],
  providers: [PivotSnapshotService, PivotService, PivotResolver],
  exports: [PivotSnapshotService],
})
export class PivotModule {}
