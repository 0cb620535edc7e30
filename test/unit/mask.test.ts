import { maskText, maskValue } from '../../src/logging/mask';

describe('masking guests’ contact details in logs', () => {
  it('masks emails and phone numbers inside free text', () => {
    const out = maskText('Write to maria.lopez@example.com or call +34 612 345 678 please');
    expect(out).not.toContain('maria.lopez@example.com');
    expect(out).not.toContain('612 345 678');
    expect(out).toContain('m***@e***.com');
    expect(out).toContain('***78');
  });

  it('masks sensitive keys in nested payloads and keeps the rest', () => {
    const out = maskValue({
      meta: { sender: { email: 'maria@example.com', phone_number: '+34612345678', name: 'Maria' } },
      api_access_token: 'tok',
      id: 42,
    }) as any;
    expect(out.meta.sender.name).toBe('Maria');
    expect(out.meta.sender.email).not.toContain('maria@example.com');
    expect(out.meta.sender.phone_number).not.toContain('612345678');
    expect(out.api_access_token).toBe('[redacted]');
    expect(out.id).toBe(42);
  });

  it('leaves dates and short numbers alone', () => {
    expect(maskText('from 2026-12-03 for 2 guests, room 101')).toBe('from 2026-12-03 for 2 guests, room 101');
  });
});
