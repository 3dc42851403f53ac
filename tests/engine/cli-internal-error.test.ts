import { describe, expect, it, vi } from 'vitest';

// A command that fails in a way no author can cause (a bug of ours) must still be one line, not a stack trace.
vi.mock('../../src/cli/commands/stats', () => ({
  stats: () => {
    throw new TypeError("Cannot read properties of undefined (reading 'nodes')\n    at somewhere (file.ts:1:1)");
  },
}));

const { runCli } = await import('../../src/cli/main');

describe('npm run scenario: an unexpected error', () => {
  it('is one line naming the command, exit 1, no stack trace', () => {
    const r = runCli(['stats']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("stats: internal error: Cannot read properties of undefined (reading 'nodes'). Please report it with the command you ran.\n");
  });
});
