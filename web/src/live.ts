// The live seat map: seat-lock's Server-Sent Events for one performance. The browser's EventSource
// reconnects by itself and sends the last event id, so the service resumes without a gap (or sends
// a fresh snapshot). Seat states: AVAILABLE, HELD, BOOKED; never who holds a seat.

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
  const source = new EventSource(`/api/v1/tickets/schedules/${scheduleId}/seats/stream`);
  source.addEventListener('open', () => handlers.connection('live'));
  source.addEventListener('snapshot', (event) => handlers.snapshot(statesOf((event as MessageEvent).data)));
  source.addEventListener('seats', (event) => handlers.change(statesOf((event as MessageEvent).data)));
  source.addEventListener('error', () => handlers.connection(source.readyState === EventSource.CLOSED ? 'offline' : 'reconnecting'));
  return () => source.close();
}
