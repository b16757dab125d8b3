/** The product mark: five linked nodes (five "micro" mechanisms, five links) on a red disc. */
export function BrandMark({ size = 32 }: { size?: number }) {
  const points = Array.from({ length: 5 }, (_, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / 5;
    return [32 + 17 * Math.cos(angle), 32 + 17 * Math.sin(angle)] as const;
  });
  const star = [0, 2, 4, 1, 3].map((i) => points[i]!.join(',')).join(' ');
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden
      focusable="false"
      style={{ flex: 'none' }}
    >
      <circle cx="32" cy="32" r="31" fill="#c8161d" />
      <circle cx="32" cy="32" r="27" fill="none" stroke="#f6c453" strokeWidth="1.5" opacity="0.7" />
      <polygon points={star} fill="none" stroke="#f6c453" strokeWidth="2" strokeLinejoin="round" />
      {points.map(([x, y]) => (
        <circle key={`${x}-${y}`} cx={x} cy={y} r="4.5" fill="#fff" stroke="#f6c453" strokeWidth="1.5" />
      ))}
      <circle cx="32" cy="32" r="4" fill="#f6c453" />
    </svg>
  );
}
