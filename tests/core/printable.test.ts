import { describe, expect, it } from 'vitest';
import { printable, terminalText } from '../../src/core/printable.js';

describe('printable', () => {
  it('shows every control character as an escape, line breaks and tabs included', () => {
    expect(printable('lean\n::error::forged')).toBe('lean\\n::error::forged');
    expect(printable('a\tb\rc')).toBe('a\\tb\\rc');
    expect(printable('\u001b[2J\u0007\u0000\u007f\u009b\u0085')).toBe('\\u001b[2J\\u0007\\u0000\\u007f\\u009b\\u0085');
    expect(printable('x\u202egnp.exe\u2066\u2028')).toBe('x\\u202egnp.exe\\u2066\\u2028');
  });

  it('leaves ordinary text alone, accents, emoji and right-to-left letters included', () => {
    for (const text of ['world-class', 'Järfälla kommun — kundtjänst', 'שלום', '😀 €100', '']) expect(printable(text)).toBe(text);
  });
});

describe('terminalText', () => {
  it('keeps the layout characters staffsim writes (tab, line feed, carriage return) and escapes the rest', () => {
    expect(terminalText('a\tb\r\nc\u001b[31m\u009b')).toBe('a\tb\r\nc\\u001b[31m\\u009b');
  });
});
