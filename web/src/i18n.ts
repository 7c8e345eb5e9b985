// The page's own words, in Korean (default) and English. Errors from the services are shown in the
// services' words (problem+json "detail", asked for in the same language with Accept-Language).

export type Lang = 'ko' | 'en';

const words = {
  title: { ko: '좌석 예매', en: 'Seat booking' },
  language: { ko: 'English', en: '한국어' },
  token: { ko: '접속 토큰', en: 'Access token' },
  tokenHint: { ko: '발급받은 토큰을 붙여 넣으세요', en: 'Paste the token you were given' },
  useToken: { ko: '사용', en: 'Use' },
  signedInAs: { ko: '로그인: ', en: 'Signed in as ' },
  signedOut: { ko: '토큰을 넣으면 좌석을 잡고 예매할 수 있습니다.', en: 'Add a token to hold and book seats.' },
  event: { ko: '공연', en: 'Event' },
  schedule: { ko: '회차', en: 'Performance' },
  choose: { ko: '선택하세요', en: 'Choose' },
  legendAvailable: { ko: '선택 가능', en: 'Available' },
  legendSelected: { ko: '고른 좌석', en: 'Selected' },
  legendMine: { ko: '내가 잡은 좌석', en: 'Held by you' },
  legendHeld: { ko: '다른 사람이 선택 중', en: 'Held by someone' },
  legendBooked: { ko: '판매됨', en: 'Sold' },
  live: { ko: '실시간 연결됨', en: 'Live' },
  reconnecting: { ko: '다시 연결하는 중…', en: 'Reconnecting…' },
  offline: { ko: '실시간 정보를 받을 수 없습니다', en: 'Live updates unavailable' },
  stage: { ko: '무대', en: 'Stage' },
  row: { ko: '열', en: 'Row ' },
  seatNumber: { ko: '번', en: '' },
  won: { ko: '원', en: ' KRW' },
  selected: { ko: '고른 좌석', en: 'Selected' },
  none: { ko: '없음', en: 'none' },
  total: { ko: '합계', en: 'Total' },
  hold: { ko: '좌석 잡기', en: 'Hold seats' },
  clear: { ko: '선택 해제', en: 'Clear' },
  myHold: { ko: '내가 잡은 좌석', en: 'Your hold' },
  timeLeft: { ko: '남은 시간', en: 'Time left' },
  extend: { ko: '시간 연장', en: 'Extend' },
  release: { ko: '놓기', en: 'Release' },
  book: { ko: '예매하기', en: 'Book' },
  myBookings: { ko: '내 예매', en: 'Your bookings' },
  bookingNo: { ko: '예매 번호', en: 'Booking' },
  confirmed: { ko: '예매 완료', en: 'Confirmed' },
  cancelled: { ko: '취소됨', en: 'Cancelled' },
  cancel: { ko: '예매 취소', en: 'Cancel booking' },
  held: { ko: '좌석을 잡았습니다. 시간 안에 예매해 주세요.', en: 'Seats held. Book them before the time runs out.' },
  extended: { ko: '시간을 연장했습니다.', en: 'Hold extended.' },
  released: { ko: '좌석을 놓았습니다.', en: 'Seats released.' },
  expired: { ko: '좌석 선택 시간이 끝났습니다.', en: 'Your hold has run out.' },
  booked: { ko: '예매가 완료되었습니다.', en: 'Booked.' },
  cancelDone: { ko: '예매를 취소했습니다.', en: 'Booking cancelled.' },
  pickFirst: { ko: '먼저 좌석을 고르세요.', en: 'Pick seats first.' },
  needToken: { ko: '토큰을 먼저 넣어 주세요.', en: 'Add your token first.' },
  unreachable: { ko: '서버에 연결할 수 없습니다. 잠시 후 다시 시도해 주세요.', en: 'The server cannot be reached. Please try again shortly.' },
  stateAvailable: { ko: '선택 가능', en: 'available' },
  stateHeld: { ko: '다른 사람이 선택 중', en: 'held by someone' },
  stateBooked: { ko: '판매됨', en: 'sold' },
  stateMine: { ko: '내가 잡은 좌석', en: 'held by you' },
  stateOff: { ko: '판매하지 않음', en: 'not on sale' },
  stateSelected: { ko: '고름', en: 'selected' },
} satisfies Record<string, Record<Lang, string>>;

export type Word = keyof typeof words;

let current: Lang = 'ko';

export function setLang(lang: Lang): void {
  current = lang;
  document.documentElement.lang = lang;
}

export function lang(): Lang {
  return current;
}

export function t(word: Word): string {
  return words[word][current];
}

export function seatName(row: string, number: number): string {
  return current === 'ko' ? `${row} ${number}번` : `Row ${row}, seat ${number}`;
}

export function money(amount: number): string {
  return amount.toLocaleString(current === 'ko' ? 'ko-KR' : 'en-US') + t('won');
}

export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString(current === 'ko' ? 'ko-KR' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
}
