/** Waste streams of contract §1, with the Chinese names used on bins and trucks. */

const STREAM_LABELS = {
  residual: '其他垃圾 residual',
  kitchen: '厨余垃圾 kitchen',
  recyclable: '可回收物 recyclable',
  hazardous: '有害垃圾 hazardous',
  construction: '建筑垃圾 construction',
};

/** @param {string | null | undefined} stream */
export function streamLabel(stream) {
  if (!stream) return '—';
  return STREAM_LABELS[/** @type {keyof typeof STREAM_LABELS} */ (stream)] ?? stream;
}

const kgFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const tonneFormat = new Intl.NumberFormat('en-GB', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** @param {number | null | undefined} kg */
export function formatKg(kg) {
  return typeof kg === 'number' && Number.isFinite(kg) ? kgFormat.format(kg) : '—';
}

/** @param {number | null | undefined} t */
export function formatTonnes(t) {
  return typeof t === 'number' && Number.isFinite(t) ? tonneFormat.format(t) : '—';
}
