// The live seat map: seat-lock's Server-Sent Events for one performance. The browser's EventSource
// reconnects by itself after a dropped connection and sends the last event id, so the service
// resumes without a gap (or sends a fresh snapshot). An answer that is not a stream (429 from the
// gateway, 502 or 503 while a replica restarts or is full) closes an EventSource for good: then a new
// one is opened after a pause with jitter, carrying the last id as a parameter. Seat states:
// AVAILABLE, HELD, BOOKED; never who holds a seat.

export type LiveState = 'AVAILABLE' | 'HELD' | 'BOOKED';
export type Connection = 'live' | 'reconnecting' | 'offline';

interface SeatEvent { row: string; number: number; state: LiveState }

export interface LiveHandlers {
  snapshot(states: Map<string, LiveState>): void;
  change(states: Map<string, LiveState>): void;
  connection(state: Connection): void;
}

export function memberOf(row: string, number: number): string {
  return `${row}:${number}`;
}

function statesOf(data: string): Map<string, LiveState> {
  const states = new Map<string, LiveState>();
  for (const seat of (JSON.parse(data).seats as SeatEvent[])) {
    states.set(memberOf(seat.row, seat.number), seat.state);
  }
  return states;
}

export function watch(scheduleId: number, handlers: LiveHandlers): () => void {
  let source: EventSource | null = null;
  let lastId = '';
  let failures = 0;
  let retry: number | undefined;
  let stopped = false;

  const open = () => {
    const query = lastId ? `?last_event_id=${encodeURIComponent(lastId)}` : '';
    source = new EventSource(`/api/v1/tickets/schedules/${scheduleId}/seats/stream${query}`);
    source.addEventListener('open', () => {
      failures = 0;
      handlers.connection('live');
    });
    const remember = (event: Event) => {
      lastId = (event as MessageEvent).lastEventId || lastId;
    };
    source.addEventListener('snapshot', (event) => {
      remember(event);
      handlers.snapshot(statesOf((event as MessageEvent).data));
    });
    source.addEventListener('seats', (event) => {
      remember(event);
      handlers.change(statesOf((event as MessageEvent).data));
    });
    source.addEventListener('error', () => {
      if (source?.readyState !== EventSource.CLOSED) {
        handlers.connection('reconnecting');
        return;
      }
      // Refused, not dropped: the browser will not try again; this page does, ever more slowly.
      failures += 1;
      handlers.connection(failures > 5 ? 'offline' : 'reconnecting');
      const pause = Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)) * (0.5 + Math.random());
      retry = window.setTimeout(() => {
        if (!stopped) {
          open();
        }
      }, pause);
    });
  };
  open();
  return () => {
    stopped = true;
    window.clearTimeout(retry);
    source?.close();
  };
}
