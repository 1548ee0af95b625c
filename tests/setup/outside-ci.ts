/**
 * Every test file runs as on a developer's machine, whatever CI the shell says: Ink decides once, when it is first
 * imported, whether it runs in CI (then it draws only its last frame), and test files share their worker's modules
 * (`isolate: false`), so the explorer's tests need CI cleared before any file loads Ink. Tests of CI behaviour pass
 * CI to the command they start (tests/e2e) or to the function they call.
 */
delete process.env['CI'];
delete process.env['CONTINUOUS_INTEGRATION'];
