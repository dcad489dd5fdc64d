/**
 * Preloaded into a child process (NODE_OPTIONS, which refuses --cpu-prof) to record a CPU
 * profile of its whole life into CPU_PROFILE_DIR, written when it exits.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const dir = process.env.CPU_PROFILE_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // An in-thread inspector session answers synchronously, so this works inside 'exit'.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      writeFileSync(
        join(dir, `platform-${process.pid}.cpuprofile`),
        JSON.stringify(result.profile),
      );
    });
  });
}
