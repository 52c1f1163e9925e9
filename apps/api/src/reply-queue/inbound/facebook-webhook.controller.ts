import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../../auth/public.decorator';
import { APP_CONFIG, type ResolvedConfig } from '../../config/app-config';
import { AppError } from '../../errors/app-error';
import { parseFacebookDelivery } from './facebook-payload';
import { InboundService } from './inbound.service';
import { isSignedBy, sameSecret } from './webhook-signature';

/**
 * The network calls these, not a user: no bearer token; the verify token (handshake) and the
 * body's signature (deliveries) are the authentication. Only Facebook for now; other networks
 * answer 404 like any unknown route.
 */
@Public()
@Controller('webhooks')
export class FacebookWebhookController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: ResolvedConfig,
    private readonly inbound: InboundService,
  ) {}

  /** The subscription handshake: echo `hub.challenge` when `hub.verify_token` is ours. */
  @Get(':network')
  handshake(@Param('network') network: string, @Req() req: Request, @Res() res: Response): void {
    const { verifyToken } = this.secrets(network);
    const param = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : '');
    const [mode, token, challenge] = [param('hub.mode'), param('hub.verify_token'), param('hub.challenge')];
    if (mode !== 'subscribe' || !token || !challenge || challenge.length > 256) {
      throw AppError.badInput('Expected hub.mode=subscribe, hub.verify_token and hub.challenge');
    }
    if (!sameSecret(token, verifyToken)) throw new AppError('FORBIDDEN', 'Wrong verify token');
    res.status(200).type('text/plain').set('X-Content-Type-Options', 'nosniff').send(challenge);
  }

  /**
   * A delivery: refused whole (401, nothing stored) unless signed with the app secret; stored
   * once per item, then acknowledged. Routing happens later, off the network's clock.
   */
  @Post(':network')
  @HttpCode(200)
  async receive(@Param('network') network: string, @Req() req: RawBodyRequest<Request>) {
    const { appSecret } = this.secrets(network);
    if (!isSignedBy(appSecret, req.rawBody ?? Buffer.alloc(0), req.headers['x-hub-signature-256'])) {
      throw AppError.unauthenticated('Missing or wrong X-Hub-Signature-256');
    }
    const { items, ignored } = parseFacebookDelivery(req.body);
    const outcome = await this.inbound.receive('facebook', items);
    return { stored: outcome.stored, duplicates: outcome.duplicates, unmatched: outcome.unmatched, ignored };
  }

  private secrets(network: string): { appSecret: string; verifyToken: string } {
    const { appSecret, verifyToken } = this.config.facebook;
    if (network !== 'facebook' || !appSecret || !verifyToken) throw AppError.notFound('Webhook');
    return { appSecret, verifyToken };
  }
}
