import { describe, expect, it } from 'vitest';
import { HidPosReportError, hidPosReports, parseHidPosReport } from './hid-pos-scanner';
import { ScanLineSplitter } from './serial-scanner';

const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));

describe('ScanLineSplitter', () => {
  it('joins a code split across reads and accepts CR LF, CR or LF', () => {
    const s = new ScanLineSplitter();
    expect(s.push(bytes('50001126'))).toEqual([]);
    expect(s.push(bytes('37922\r'))).toEqual(['5000112637922']);
    expect(s.push(bytes('\nABC\nDEF\r\n\r\n'))).toEqual(['ABC', 'DEF']);
  });
});

describe('parseHidPosReport', () => {
  it('reads data, symbology and the more-follows flag', () => {
    const [first, second] = hidPosReports('0123456789', ']C0', 12);
    expect(parseHidPosReport(first as Uint8Array)).toEqual({ data: '012345', symbology: ']C0', more: true });
    expect(parseHidPosReport(second as Uint8Array)).toEqual({ data: '6789', symbology: ']C0', more: false });
  });

  it('ignores other reports and refuses a length the report cannot hold', () => {
    expect(parseHidPosReport(Uint8Array.of(0x01, 0, 0, 0))).toBeNull();
    expect(() => parseHidPosReport(Uint8Array.of(0x02, 40, 0, 0, 0, 65, 0))).toThrow(HidPosReportError);
  });
});
