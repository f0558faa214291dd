import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Empty, Skeleton, Tree, type GetRef, type TreeDataNode } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api.ts';
import { errorText } from '../../ui/errors.ts';
import { childrenKey, listChildren, type UnitItem } from './units.api.ts';

type Props = {
  asOf: string;
  /** Code of the selected unit. */
  selected: string | null;
  /** Codes of the selected unit's ancestors, top first: they are opened so the unit shows in the tree. */
  reveal: readonly string[];
  /** Codes of units to point out without selecting them (the units a unit became, to choose from): the tree
   * scrolls to the first when nothing is selected. */
  marked?: readonly string[];
  onSelect: (code: string) => void;
  /** Pixel height of the tree's scroll area (the tree only renders the rows in view). */
  height: number;
};

const keyOf = (u: UnitItem) => u.code ?? `id:${u.id}`;

function UnitTitle({ unit }: { unit: UnitItem }) {
  return (
    <span className="unit-node">
      <span className="unit-node-name">{unit.name}</span>
      <span className="unit-node-meta">
        {unit.code ? <span className="unit-code">{unit.code}</span> : null}
        <span className="unit-kind">{unit.kindName}</span>
      </span>
    </span>
  );
}

/**
 * The unit tree as of a date, loading each level when it is opened. Children lists are TanStack queries,
 * so invalidating the units queries after a change refreshes exactly the opened nodes.
 * Remount it (key) when the date changes.
 */
export function UnitTree({ asOf, selected, marked = [], reveal, onSelect, height }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const treeRef = useRef<GetRef<typeof Tree>>(null);
  const [expanded, setExpanded] = useState<string[]>([]);
  // Parents whose children were asked for; each is a live query from then on.
  const [opened, setOpened] = useState<string[]>([]);

  const childrenQuery = (parent: string) => ({
    queryKey: childrenKey(asOf, parent),
    queryFn: ({ signal }: { signal: AbortSignal }) => listChildren(asOf, parent, signal),
    staleTime: 5 * 60_000,
  });

  const root = useQuery({
    queryKey: childrenKey(asOf, null),
    queryFn: ({ signal }) => listChildren(asOf, null, signal),
    staleTime: 5 * 60_000,
  });
  const lists = useQueries({ queries: opened.map(childrenQuery) });
  const byParent = new Map<string, UnitItem[]>();
  opened.forEach((code, i) => {
    const result = lists[i];
    if (result?.data) byParent.set(code, result.data);
    // A parent that no longer exists on this date (changed since) simply shows no children.
    else if (result?.isError) byParent.set(code, []);
  });

  const build = (items: UnitItem[]): TreeDataNode[] =>
    items.map((u) => {
      const kids = u.code ? byParent.get(u.code) : undefined;
      return {
        key: keyOf(u),
        title: <UnitTitle unit={u} />,
        className: u.code && marked.includes(u.code) ? 'unit-node-marked' : undefined,
        isLeaf: u.code === null || (kids ? kids.length === 0 : !u.hasChildren),
        children: kids ? build(kids) : undefined,
      };
    });
  const treeData = build(root.data ?? []);

  const load = async (code: string) => {
    try {
      await queryClient.fetchQuery(childrenQuery(code));
    } catch (error) {
      if (!isApiError(error) || error.status !== 404) void message.error(errorText(error, t));
    }
    setOpened((o) => (o.includes(code) ? o : [...o, code]));
  };

  // Open the selected unit's ancestors (after a search, a link, a date change or a shared address).
  const revealKey = reveal.join('>');
  const firstMarked = marked[0];
  useEffect(() => {
    if (!revealKey) return;
    let cancelled = false;
    const codes = revealKey.split('>');
    void (async () => {
      await Promise.all(codes.map(load));
      if (cancelled) return;
      setExpanded((e) => [...new Set([...e, ...codes])]);
      const focus = selected ?? firstMarked;
      if (focus)
        window.requestAnimationFrame(() => treeRef.current?.scrollTo({ key: focus, align: 'auto', offset: 40 }));
    })();
    return () => {
      cancelled = true;
    };
    // `load` is recreated each render; the codes, the date and the selection are what matter.
  }, [revealKey, asOf, selected, firstMarked]);

  if (root.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (root.isError) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={errorText(root.error, t)} />;
  if (treeData.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('units.treeEmpty')} />;

  return (
    <Tree
      ref={treeRef}
      className="unit-tree"
      treeData={treeData}
      height={height}
      virtual
      blockNode
      showLine={{ showLeafIcon: false }}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys.map(String))}
      loadedKeys={opened.filter((c) => byParent.has(c))}
      loadData={(node) => load(String(node.key))}
      selectedKeys={selected ? [selected] : []}
      onSelect={(_keys, info) => {
        const key = String(info.node.key);
        if (!key.startsWith('id:')) onSelect(key);
      }}
      aria-label={t('units.treeLabel')}
    />
  );
}
