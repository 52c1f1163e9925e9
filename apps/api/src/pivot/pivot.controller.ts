import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { PivotService, type PivotHeaders, type PivotQuery, type PublicPivotAnswer } from './pivot.service';

/** Public, no sign-in: where the brand's global page sends its visitors. */
@Public()
@Controller('pivot')
export class PivotController {
  constructor(private readonly pivot: PivotService) {}

  @Get(':brandSlug/resolve')
  resolve(
    @Param('brandSlug') brandSlug: string,
    @Query() query: PivotQuery,
    @Headers() headers: PivotHeaders,
    @Res({ passthrough: true }) res: Response,
  ): PublicPivotAnswer {
    const answer = this.pivot.resolve(brandSlug, query, headers);
    varyAndNoStore(res);
    return answer;
  }

  @Get(':brandSlug')
  redirect(@Param('brandSlug') brandSlug: string, @Query() query: PivotQuery, @Headers() headers: PivotHeaders, @Res() res: Response): void {
    const answer = this.pivot.resolve(brandSlug, query, headers);
    varyAndNoStore(res);
    res.redirect(302, answer.page.url);
  }
}

/** The answer depends on the visitor's headers: shared caches must not mix visitors up. */
function varyAndNoStore(res: Response): void {
  res.setHeader('Vary', 'Accept-Language, CF-IPCountry');
  res.setHeader('Cache-Control', 'private, no-store');
}
