// The page: choose an event and a performance, see its seats drawn by rows, pick seats, hold them
// all or none, watch the hold's countdown (extend it, release it), book, see the booking and cancel
// it. Seats others hold or buy change colour as it happens (live.ts). Identity is a bearer token the
// person pastes, or finds in the URL fragment (#token=…, as scripts/dev-token.sh --url prints); the
// page never makes one.
import { api, ApiError, Booking, EventDetails, Hold, MapSeat, SeatRef, hasToken, serverNow, setToken, tokenUser } from './api.js';
import { Lang, dateTime, lang, money, seatName, setLang, t, Word } from './i18n.js';
import { Connection, LiveState, memberOf, watch } from './live.js';

interface State {
  event: EventDetails | null;
  scheduleId: number | null;
  seats: MapSeat[];
  live: Map<string, LiveState>;
  selected: Set<string>;
  hold: Hold | null;
  bookings: Booking[];
  connection: Connection;
  stopWatching: () => void;
}

/** Which performance's answers still count: one chosen later makes the earlier one's stale. */
let generation = 0;

const state: State = {
  event: null, scheduleId: null, seats: [], live: new Map(), selected: new Set(), hold: null, bookings: [],
  connection: 'reconnecting', stopWatching: () => { },
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function translateStatic(): void {
  document.querySelectorAll<HTMLElement>('[data-t]').forEach((element) => {
    element.textContent = t(element.dataset.t as Word);
  });
  document.querySelectorAll<HTMLInputElement>('[data-t-placeholder]').forEach((element) => {
    element.placeholder = t(element.dataset.tPlaceholder as Word);
  });
  document.title = t('title');
}

function say(message: string, kind: 'info' | 'error' = 'info'): void {
  const info = $('info');
  const error = $('error');
  info.textContent = kind === 'info' ? message : '';
  error.textContent = kind === 'error' ? message : '';
}

function failed(failure: unknown): void {
  say(failure instanceof ApiError ? failure.message : t('unreachable'), 'error');
}

// ---- identity ----

function useToken(value: string): void {
  setToken(value);
  sessionStorage.setItem('ticketing-token', value.trim());
  const user = tokenUser();
  $('who').textContent = hasToken() ? t('signedInAs') + (user ?? '?') : t('signedOut');
}

// ---- events and performances ----

async function loadEvents(): Promise<void> {
  if (!hasToken()) {
    return;
  }
  try {
    const { events } = await api.events();
    const select = $<HTMLSelectElement>('event');
    select.replaceChildren(new Option(t('choose'), ''), ...events.map((e) => new Option(`${e.title} · ${e.venue}`, String(e.event_id))));
    if (events.length === 1) {
      select.value = String(events[0].event_id);
      await chooseEvent(events[0].event_id);
    }
  } catch (failure) {
    failed(failure);
  }
}

async function chooseEvent(eventId: number): Promise<void> {
  try {
    state.event = await api.event(eventId);
    const select = $<HTMLSelectElement>('schedule');
    select.replaceChildren(new Option(t('choose'), ''),
      ...state.event.schedules.map((s) => new Option(dateTime(s.starts_at), String(s.schedule_id))));
  } catch (failure) {
    failed(failure);
  }
}

async function chooseSchedule(scheduleId: number): Promise<void> {
  const mine = ++generation;
  state.stopWatching();
  state.stopWatching = () => { };
  if (state.hold) {
    // Leaving a performance lets its seats go (they would count towards the person's limit there).
    void api.release(state.hold.schedule_id, state.hold.lock_token).catch(() => undefined);
  }
  Object.assign(state, { scheduleId, seats: [], live: new Map(), selected: new Set(), hold: null, bookings: [] });
  try {
    const map = await api.seatMap(scheduleId);
    if (mine !== generation) {
      return;
    }
    state.seats = map.seats;
    for (const seat of map.seats) {
      state.live.set(memberOf(seat.row, seat.number), seat.status === 'AVAILABLE' ? 'AVAILABLE' : seat.status === 'BOOKED' ? 'BOOKED' : 'HELD');
    }
  } catch (failure) {
    failed(failure);
  }
  if (mine !== generation) {
    return;
  }
  drawMap();
  drawPanel();
  state.stopWatching = watch(scheduleId, {
    snapshot(states) {
      state.live = states;
      dropTakenFromSelection();
      drawStates();
    },
    change(states) {
      states.forEach((value, member) => state.live.set(member, value));
      dropTakenFromSelection();
      drawStates();
    },
    connection(connection) {
      state.connection = connection;
      drawConnection();
    },
  });
}

// ---- the seat map ----

function gradeClass(grade: string): string {
  return 'grade-' + grade.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function drawGrades(): void {
  const prices = new Map<string, number>();
  state.seats.forEach((seat) => prices.set(seat.grade, seat.price));
  $('grades').replaceChildren(...[...prices.entries()].map(([grade, price]) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'seat ' + gradeClass(grade);
    swatch.dataset.state = 'available';
    const text = document.createElement('span');
    text.textContent = `${grade} ${money(price)}`;
    item.append(swatch, text);
    return item;
  }));
}

function drawMap(): void {
  drawGrades();
  const map = $('map');
  const rows = new Map<string, MapSeat[]>();
  for (const seat of state.seats) {
    rows.set(seat.row, [...(rows.get(seat.row) ?? []), seat]);
  }
  map.replaceChildren(...[...rows.entries()].map(([row, seats]) => {
    const line = document.createElement('div');
    line.className = 'row';
    line.setAttribute('role', 'group');
    line.setAttribute('aria-label', lang() === 'ko' ? `${row}열` : `Row ${row}`);
    const label = document.createElement('span');
    label.className = 'row-label';
    label.textContent = row;
    label.setAttribute('aria-hidden', 'true');
    line.append(label, ...seats.sort((a, b) => a.number - b.number).map(seatButton));
    return line;
  }));
  drawStates();
}

function seatButton(seat: MapSeat): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'seat ' + gradeClass(seat.grade);
  button.dataset.seat = memberOf(seat.row, seat.number);
  button.textContent = String(seat.number);
  button.addEventListener('click', () => toggle(seat));
  return button;
}

/**
 * What a seat looks like to this person: their own hold first, then what the stream says of a seat
 * taken, then their selection (shown as pressed whatever the seat's state).
 */
function lookOf(member: string): string {
  const live = state.live.get(member);
  if (state.hold?.seats.some((s) => memberOf(s.row, s.number) === member) && live !== 'BOOKED') {
    return 'mine';
  }
  if (live === undefined) {
    return 'off';
  }
  if (live !== 'AVAILABLE') {
    return live.toLowerCase();
  }
  return state.selected.has(member) ? 'selected' : 'available';
}

const lookWords: Record<string, Word> = {
  available: 'stateAvailable', held: 'stateHeld', booked: 'stateBooked', mine: 'stateMine', off: 'stateOff', selected: 'stateSelected',
};

function drawStates(): void {
  const byMember = new Map(state.seats.map((seat) => [memberOf(seat.row, seat.number), seat]));
  document.querySelectorAll<HTMLButtonElement>('#map .seat').forEach((button) => {
    const member = button.dataset.seat!;
    const seat = byMember.get(member)!;
    const look = lookOf(member);
    button.dataset.state = look;
    button.setAttribute('aria-pressed', String(state.selected.has(member)));
    button.setAttribute('aria-label', `${seatName(seat.row, seat.number)}, ${seat.grade}, ${money(seat.price)}, ${t(lookWords[look])}`);
    button.title = button.getAttribute('aria-label')!;
  });
  drawSelection();
}

function toggle(seat: MapSeat): void {
  const member = memberOf(seat.row, seat.number);
  if (lookOf(member) === 'mine') {
    return;
  }
  if (state.selected.has(member)) {
    state.selected.delete(member);
  } else {
    state.selected.add(member);
  }
  drawStates();
}

/** A picked seat someone else has taken is no longer picked: holding it could only fail. */
function dropTakenFromSelection(): void {
  state.selected.forEach((member) => {
    if (state.live.get(member) !== 'AVAILABLE') {
      state.selected.delete(member);
    }
  });
}

function selectedSeats(): MapSeat[] {
  return state.seats.filter((seat) => state.selected.has(memberOf(seat.row, seat.number)));
}

function drawSelection(): void {
  const seats = selectedSeats();
  $('selection').textContent = seats.length === 0 ? t('none') : seats.map((s) => seatName(s.row, s.number)).join(', ');
  $('selection-total').textContent = money(seats.reduce((sum, s) => sum + s.price, 0));
  $<HTMLButtonElement>('hold').disabled = seats.length === 0;
  $<HTMLButtonElement>('clear').disabled = seats.length === 0;
}

function drawConnection(): void {
  const element = $('connection');
  element.dataset.state = state.connection;
  element.textContent = t(state.connection === 'live' ? 'live' : state.connection === 'reconnecting' ? 'reconnecting' : 'offline');
}

// ---- hold, countdown, booking ----

async function hold(): Promise<void> {
  if (!hasToken()) {
    return say(t('needToken'), 'error');
  }
  const seats = selectedSeats();
  if (seats.length === 0 || state.event === null || state.scheduleId === null) {
    return say(t('pickFirst'), 'error');
  }
  try {
    const refs: SeatRef[] = seats.map(({ row, number }) => ({ row, number }));
    if (state.hold) {
      // One hold on the page: the seats already held join the new one (seat-lock moves them).
      refs.push(...state.hold.seats);
    }
    state.hold = await api.lock(state.event.event_id, state.scheduleId, refs);
    state.selected.clear();
    say(t('held'));
  } catch (failure) {
    failed(failure);
    // The seats someone else has are no longer picked: the map shows them taken.
    if (failure instanceof ApiError) {
      failure.conflicts.forEach((seat) => state.selected.delete(memberOf(seat.row, seat.number)));
    }
  }
  drawStates();
  drawPanel();
}

async function extend(): Promise<void> {
  if (!state.hold) {
    return;
  }
  try {
    const { expires_at } = await api.extend(state.hold.schedule_id, state.hold.lock_token);
    state.hold = { ...state.hold, expires_at };
    say(t('extended'));
  } catch (failure) {
    failed(failure);
    forgetHoldIfGone(failure);
  }
  drawPanel();
}

async function release(): Promise<void> {
  if (!state.hold) {
    return;
  }
  try {
    await api.release(state.hold.schedule_id, state.hold.lock_token);
    state.hold = null;
    say(t('released'));
  } catch (failure) {
    failed(failure);
  }
  drawStates();
  drawPanel();
}

async function book(): Promise<void> {
  const current = state.hold;
  if (!current || !state.event) {
    return;
  }
  try {
    const booking = await api.book(state.event.event_id, current.schedule_id, current.seats, current.lock_token, crypto.randomUUID());
    state.hold = null;
    state.bookings.unshift(booking);
    say(t('booked'));
  } catch (failure) {
    failed(failure);
    forgetHoldIfGone(failure);
  }
  drawStates();
  drawPanel();
}

async function cancel(bookingId: number): Promise<void> {
  try {
    const cancelled = await api.cancel(bookingId);
    state.bookings = state.bookings.map((b) => (b.booking_id === bookingId ? cancelled : b));
    say(t('cancelDone'));
  } catch (failure) {
    failed(failure);
  }
  drawPanel();
}

/** A hold the service no longer knows (it ran out, or was booked elsewhere) leaves the page too. */
function forgetHoldIfGone(failure: unknown): void {
  if (failure instanceof ApiError && failure.code === 'LOCK_EXPIRED') {
    state.hold = null;
  }
}

/** Seconds left on the hold, by the server's clock (the browser's may be off). */
function timeLeft(): number {
  return state.hold ? Math.max(0, Math.ceil((Date.parse(state.hold.expires_at) - serverNow()) / 1000)) : 0;
}

function tick(): void {
  if (!state.hold) {
    return;
  }
  const left = timeLeft();
  if (left === 0) {
    state.hold = null;
    say(t('expired'), 'error');
    drawStates();
    drawPanel();
    return;
  }
  $('countdown').textContent = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

function drawPanel(): void {
  const holdPanel = $('my-hold');
  holdPanel.hidden = state.hold === null;
  if (state.hold) {
    $('hold-seats').textContent = state.hold.seats.map((s) => seatName(s.row, s.number)).join(', ');
    tick();
  }
  const list = $('bookings');
  $('bookings-panel').hidden = state.bookings.length === 0;
  list.replaceChildren(...state.bookings.map((booking) => {
    const item = document.createElement('li');
    item.dataset.booking = String(booking.booking_id);
    item.dataset.status = booking.status;
    const text = document.createElement('span');
    text.textContent = `${t('bookingNo')} ${booking.booking_id} · ${booking.seats.map((s) => seatName(s.row, s.number)).join(', ')} · `
      + `${money(booking.total_price)} · ${t(booking.status === 'CANCELLED' ? 'cancelled' : 'confirmed')}`;
    item.append(text);
    if (booking.status !== 'CANCELLED') {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'cancel';
      button.textContent = t('cancel');
      button.addEventListener('click', () => cancel(booking.booking_id));
      item.append(button);
    }
    return item;
  }));
}

// ---- start ----

function start(): void {
  const stored = localStorage.getItem('ticketing-lang');
  setLang(stored === 'en' ? 'en' : 'ko');
  translateStatic();
  const fragment = new URLSearchParams(location.hash.slice(1));
  const token = fragment.get('token') ?? sessionStorage.getItem('ticketing-token') ?? '';
  if (fragment.has('token')) {
    // The token leaves the address bar (and the history) at once.
    history.replaceState(null, '', location.pathname + location.search);
  }
  useToken(token);
  $<HTMLInputElement>('token').value = '';

  $('token-form').addEventListener('submit', (event) => {
    event.preventDefault();
    useToken($<HTMLInputElement>('token').value);
    $<HTMLInputElement>('token').value = '';
    void loadEvents();
  });
  $('language').addEventListener('click', () => {
    const next: Lang = lang() === 'ko' ? 'en' : 'ko';
    localStorage.setItem('ticketing-lang', next);
    setLang(next);
    translateStatic();
    useToken(sessionStorage.getItem('ticketing-token') ?? '');
    drawGrades();
    drawStates();
    drawConnection();
    drawPanel();
  });
  $<HTMLSelectElement>('event').addEventListener('change', (event) => {
    const id = Number((event.target as HTMLSelectElement).value);
    if (id) {
      void chooseEvent(id);
    }
  });
  $<HTMLSelectElement>('schedule').addEventListener('change', (event) => {
    const id = Number((event.target as HTMLSelectElement).value);
    if (id) {
      void chooseSchedule(id);
    }
  });
  $('hold').addEventListener('click', () => void hold());
  $('clear').addEventListener('click', () => {
    state.selected.clear();
    drawStates();
  });
  $('extend').addEventListener('click', () => void extend());
  $('release').addEventListener('click', () => void release());
  $('book').addEventListener('click', () => void book());
  setInterval(tick, 250);
  drawSelection();
  drawConnection();
  void loadEvents();
}

start();
