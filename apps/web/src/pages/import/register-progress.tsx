import { useEffect, useState } from 'preact/hooks';

/**
 * The registration is one request (all task streams in one transaction), so there is no server
 * progress to poll: the bar shows the tasks being created against the expected time (~1,500 tasks
 * in under a second on the reference machine) and the elapsed seconds, so a long import never
 * looks frozen.
 */
export function RegisterProgress({ tasks }: { tasks: number }) {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    const started = performance.now();
    const timer = setInterval(() => setElapsed((performance.now() - started) / 1000), 100);
    return () => clearInterval(timer);
  }, []);
  const expected = Math.max(0.5, tasks / 1500);
  const value = Math.min(0.95, elapsed / (expected * 1.5));
  return (
    <div class="card" role="status" aria-live="polite">
      <label for="register-progress">
        Đang đăng ký {tasks} nhiệm vụ… ({elapsed.toFixed(1)} giây)
      </label>
      <progress id="register-progress" max={1} value={value} />
    </div>
  );
}
