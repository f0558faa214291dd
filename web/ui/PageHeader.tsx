import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

type Props = { title: ReactNode; extra?: ReactNode; description?: ReactNode };

/** The title row of a page, with its main actions on the right. The title is the page's one h1 (drawn at the size
 * of a section title: the header bar already carries the product's name). */
export function PageHeader({ title, extra, description }: Props) {
  return (
    <Flex className="page-header" justify="space-between" align="center" gap={12} wrap>
      <div>
        <Typography.Title level={1} className="page-title">
          {title}
        </Typography.Title>
        {description ? <Typography.Text type="secondary">{description}</Typography.Text> : null}
      </div>
      {extra ? (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      ) : null}
    </Flex>
  );
}
