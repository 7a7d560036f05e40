export function FormMessage({ tone, children }: { tone: 'error' | 'success' | 'info'; children: React.ReactNode }) {
  const styles = { error: 'bg-red-50 text-red-900', success: 'bg-emerald-50 text-emerald-900', info: 'bg-sky-50 text-sky-900' };
  return (
    <p role={tone === 'error' ? 'alert' : 'status'} className={`rounded-md p-3 text-sm ${styles[tone]}`}>
      {children}
    </p>
  );
}
