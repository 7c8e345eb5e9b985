// Calls to the gateway's API. Every failure becomes an ApiError carrying the service's own words
// (problem+json "detail") and stable code; a network failure gets the page's words.
import { lang, t } from './i18n.js';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly conflicts: SeatRef[] = []) {
    super(message);
  }
}

export interface SeatRef { row: string; number: number }
export interface EventSummary { event_id: number; title: string; venue: string }
export interface ScheduleSummary { schedule_id: number; starts_at: string; sales_open_at: string; sales_close_at: string }
export interface EventDetails extends EventSummary { schedules: ScheduleSummary[] }
export interface MapSeat extends SeatRef { grade: string; price: number; status: string }
export interface SeatMap { schedule_id: number; seats: MapSeat[]; holds_known: boolean }
export interface Hold { lock_token: string; schedule_id: number; seats: SeatRef[]; expires_at: string }
export interface BookedSeat extends SeatRef { grade: string; price: number }
export interface Booking { booking_id: number; status: string; schedule_id: number; seats: BookedSeat[]; total_price: number }

const BASE = '/api/v1/tickets';
let token = '';
/** How far the server's clock is ahead of this browser's, from the last answer's Date header (ms). */
let clockOffset = 0;

/** Now, by the server's clock: a hold's countdown must not depend on the browser's. */
export function serverNow(): number {
  return Date.now() + clockOffset;
}

export function setToken(value: string): void {
  token = value.trim();
}

export function hasToken(): boolean {
  return token !== '';
}

/** The token's user, read from its payload for display only (the services verify the signature). */
export function tokenUser(): string | null {
  try {
    const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = JSON.parse(decodeURIComponent(escape(atob(payload))));
    return typeof json.sub === 'string' ? json.sub : null;
  } catch {
    return null;
  }
}

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const request: RequestInit = {
    method,
    headers: {
      'Accept': 'application/json',
      'Accept-Language': lang(),
      ...(token ? { 'Authorization': `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  };
  let response: Response;
  try {
    response = await fetch(BASE + path, request);
  } catch {
    throw new ApiError(0, 'NETWORK', t('unreachable'));
  }
  const date = Date.parse(response.headers.get('Date') ?? '');
  if (!Number.isNaN(date)) {
    // The header has whole seconds: only a skew beyond that is corrected.
    const offset = date - Date.now();
    clockOffset = Math.abs(offset) > 2000 ? offset : 0;
  }
  if (response.ok) {
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  let problem: { detail?: string; code?: string; conflicting_seats?: SeatRef[] } = {};
  try {
    problem = await response.json();
  } catch {
    // Not a problem document (a proxy's page): the page's own words below.
  }
  throw new ApiError(response.status, problem.code ?? 'HTTP_' + response.status, problem.detail ?? t('unreachable'),
    problem.conflicting_seats ?? []);
}

export const api = {
  events: () => call<{ events: EventSummary[] }>('GET', '/events'),
  event: (id: number) => call<EventDetails>('GET', `/events/${id}`),
  seatMap: (scheduleId: number) => call<SeatMap>('GET', `/schedules/${scheduleId}/seats`),
  lock: (eventId: number, scheduleId: number, seats: SeatRef[]) =>
    call<Hold>('POST', '/seats/lock', { event_id: eventId, schedule_id: scheduleId, seats }),
  extend: (scheduleId: number, lockToken: string) =>
    call<{ expires_at: string }>('POST', '/seats/extend', { schedule_id: scheduleId, lock_token: lockToken }),
  release: (scheduleId: number, lockToken: string) =>
    call<unknown>('POST', '/seats/release', { schedule_id: scheduleId, lock_token: lockToken }),
  book: (eventId: number, scheduleId: number, seats: SeatRef[], lockToken: string, idempotencyKey: string) =>
    call<Booking>('POST', '/bookings', { event_id: eventId, schedule_id: scheduleId, seats, lock_token: lockToken },
      { 'Idempotency-Key': idempotencyKey }),
  cancel: (bookingId: number) => call<Booking>('POST', `/bookings/${bookingId}/cancel`),
};
