import styles from './step-icon.module.css';

/** A small staircase with the steps up to `rank` filled: where this level stands. Decorative. */
export function StepIcon({ rank, total }: { rank: number; total: number }) {
  const count = Math.max(total, rank, 1);
  const width = 8;
  const gap = 2;
  const height = 24;
  return (
    <svg
      className={styles.icon}
      aria-hidden="true"
      focusable="false"
      width={count * (width + gap) - gap}
      height={height}
      viewBox={`0 0 ${count * (width + gap) - gap} ${height}`}
    >
      {Array.from({ length: count }, (_, index) => {
        const barHeight = ((index + 1) / count) * height;
        return (
          <rect
            key={index}
            className={index < rank ? styles.filled : styles.empty}
            x={index * (width + gap)}
            y={height - barHeight}
            width={width}
            height={barHeight}
            rx={1}
          />
        );
      })}
    </svg>
  );
}
