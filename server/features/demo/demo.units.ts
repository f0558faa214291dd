/** Villages of the demo: a handful in Móng Cái and Quảng Yên, entered before the reform so the demo shows
 * them following their merged ward (Trà Cổ → Móng Cái 1) or waiting after a split (Liên Hòa). Names are
 * illustrative. */
export const DEMO_VILLAGES: { parentCode: string; name: string; kind: string; validFrom: string }[] = [
  { parentCode: '06721', name: 'Khu Hồng Hải', kind: 'quarter', validFrom: '2019-01-01' },
  { parentCode: '06721', name: 'Khu Tân Bình', kind: 'quarter', validFrom: '2019-01-01' },
  { parentCode: '06712', name: 'Khu 1', kind: 'quarter', validFrom: '2019-01-01' },
  { parentCode: '06712', name: 'Khu 2', kind: 'quarter', validFrom: '2019-01-01' },
  { parentCode: '06709', name: 'Khu 3', kind: 'quarter', validFrom: '2019-01-01' },
  { parentCode: '06724', name: 'Thôn Pò Hèn', kind: 'village', validFrom: '2019-01-01' },
  { parentCode: '06724', name: 'Thôn Thán Phún', kind: 'village', validFrom: '2019-01-01' },
  { parentCode: '06727', name: 'Thôn Tình Hải', kind: 'village', validFrom: '2019-01-01' },
  { parentCode: '06757', name: 'Thôn 1', kind: 'village', validFrom: '2019-01-01' },
  { parentCode: '06757', name: 'Thôn 2', kind: 'village', validFrom: '2019-01-01' },
  { parentCode: '07180', name: 'Thôn Trung', kind: 'village', validFrom: '2019-01-01' },
  { parentCode: '07180', name: 'Thôn Đông', kind: 'village', validFrom: '2019-01-01' },
  { parentCode: '07153', name: 'Khu Cẩm La', kind: 'quarter', validFrom: '2019-01-01' },
];
