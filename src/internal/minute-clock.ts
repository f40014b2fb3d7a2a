import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Re-renders its host at the start of every minute while it is on the page, for live text such
 * as "Open now, closes at 17:00".
 */
export class MinuteClock implements ReactiveController {
  private timer?: ReturnType<typeof setTimeout>;
  constructor(private host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    const tick = () => {
      this.timer = setTimeout(
        () => {
          this.host.requestUpdate();
          tick();
        },
        60_000 - (Date.now() % 60_000) + 50,
      );
    };
    tick();
  }
  hostDisconnected(): void {
    clearTimeout(this.timer);
  }
}
