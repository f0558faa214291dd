import { BRAND } from './theme.ts';

type Props = { size?: number };

/** The product's emblem: a gold star on a red disc (decorative). */
export function BrandMark({ size = 32 }: Props) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="30" fill={BRAND.red} stroke={BRAND.gold} strokeWidth="3" />
      <polygon
        fill={BRAND.gold}
        points="32,11 37.1,26.3 53.2,26.3 40.2,35.8 45.2,51.1 32,41.6 18.8,51.1 23.8,35.8 10.8,26.3 26.9,26.3"
      />
    </svg>
  );
}
