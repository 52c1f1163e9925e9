/**
 * An in-process event that a lower domain announces and higher ones subscribe to, so the lower
 * one knows none of them (the dependency rules in docs/ARCHITECTURE.md). Subclass it as a Nest
 * provider of the announcing domain; subscribers register in their own onModuleInit. Handlers
 * run one after the other, awaited: a failing one fails the announcement, and so rolls back the
 * transaction it was announced in.
 */
export class DomainEvent<T> {
  private readonly handlers: ((event: T) => Promise<unknown>)[] = [];

  subscribe(handler: (event: T) => Promise<unknown>): void {
    this.handlers.push(handler);
  }

  async publish(event: T): Promise<void> {
    for (const handler of this.handlers) await handler(event);
  }
}
