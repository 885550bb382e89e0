import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../virtual/decode-escpos';
import { AsbFrameError, asbFrame, autoStatusByDefault, enableAsb, isAsbHeader, parseEscPosAsb } from './asb';
import { EscPosParser } from './escpos-parser';
import { isStatusByte } from './printer-status';

// Frames as an Epson TM-T88 / TM-U220 sends them (bit meanings per the TM-U220 manual p. 82–83).
const IDLE = [0x10, 0x00, 0x00, 0x00];
const PAPER_END = [0x18, 0x00, 0x0c, 0x00];
const NEAR_END = [0x10, 0x00, 0x03, 0x00];
const COVER_OPEN = [0x38, 0x00, 0x00, 0x00];
const DRAWER = [0x14, 0x00, 0x00, 0x00];
const OFFLINE = [0x18, 0x00, 0x00, 0x00];
const CUTTER_JAM = [0x18, 0x08, 0x00, 0x00];

const clean = { online: true, paperEnd: false, paperNearEnd: false, coverOpen: false, error: false, drawerOpen: false };

describe('parseEscPosAsb', () => {
  it('reads an idle printer as ready', () => {
    expect(parseEscPosAsb(IDLE, 1)).toEqual({ ...clean, at: 1 });
  });

  it('reads paper end (and the offline it causes)', () => {
    expect(parseEscPosAsb(PAPER_END)).toMatchObject({ paperEnd: true, paperNearEnd: false, online: false });
  });

  it('reads near end while still online', () => {
    expect(parseEscPosAsb(NEAR_END)).toMatchObject({ paperNearEnd: true, paperEnd: false, online: true });
  });

  it('reads cover open, drawer, offline and a cutter error', () => {
    expect(parseEscPosAsb(COVER_OPEN)).toMatchObject({ coverOpen: true, online: false, paperEnd: false });
    expect(parseEscPosAsb(DRAWER)).toMatchObject({ drawerOpen: true, online: true, coverOpen: false });
    expect(parseEscPosAsb(OFFLINE)).toMatchObject({ online: false, coverOpen: false, paperEnd: false, error: false });
    expect(parseEscPosAsb(CUTTER_JAM)).toMatchObject({ error: true, online: false });
  });

  it('refuses frames of the wrong length, DLE EOT replies and bytes that cannot be in a frame', () => {
    expect(() => parseEscPosAsb([0x10, 0x00, 0x00])).toThrow(AsbFrameError);
    expect(() => parseEscPosAsb([0x12, 0x00, 0x00, 0x00])).toThrow(/does not start/);
    expect(() => parseEscPosAsb([0x10, 0x12, 0x00, 0x00])).toThrow(/cannot be inside/);
    expect(() => parseEscPosAsb([0x10, 0x00, 0x80, 0x00])).toThrow(AsbFrameError);
  });

  it('tells frame headers and DLE EOT replies apart for every byte value', () => {
    for (let b = 0; b < 256; b += 1) expect(isAsbHeader(b) && isStatusByte(b)).toBe(false);
    expect(isAsbHeader(0x10)).toBe(true);
    expect(isAsbHeader(0x12)).toBe(false);
  });

  it('asbFrame builds frames the parser reads back for each condition', () => {
    const states = [
      { ...clean, paperEnd: true }, { ...clean, paperNearEnd: true }, { ...clean, coverOpen: true },
      { ...clean, drawerOpen: true }, { ...clean, error: true },
    ];
    for (const s of states) {
      const offline = s.paperEnd || s.coverOpen || s.error;
      expect(parseEscPosAsb(asbFrame(s), 0)).toEqual({ ...s, online: !offline, at: 0 });
    }
    expect([...asbFrame({ ...clean, paperEnd: true })]).toEqual(PAPER_END);
  });
});

describe('GS a and the transport defaults', () => {
  it('enables paper, drawer, offline and error reporting', () => {
    expect([...enableAsb()]).toEqual([0x1d, 0x61, 0x0f]);
  });

  it('the virtual decoder accepts GS a n inside a job', () => {
    const job = Uint8Array.of(0x1d, 0x61, 0x0f, ...new TextEncoder().encode('Hello\n'), 0x1d, 0x56, 0x00);
    expect(decodeEscPos(job).text).toContain('Hello');
    expect(new EscPosParser().push(Uint8Array.of(0x1d, 0x61, 0x0f, 0x1d, 0x61, 0x00))).toEqual([
      { kind: 'auto-status', n: 0x0f }, { kind: 'auto-status', n: 0 },
    ]);
  });

  it('is on for serial and USB, off for TCP', () => {
    expect(autoStatusByDefault('serial')).toBe(true);
    expect(autoStatusByDefault('usb-lp')).toBe(true);
    expect(autoStatusByDefault('usb')).toBe(true);
    expect(autoStatusByDefault('tcp')).toBe(false);
  });
});
