import type { PrismaClient } from '@wholesale/db/client';
import type { PaymentMethod } from '@wholesale/db/enums';
import { DEMO_CREDENTIALS } from '@wholesale/paypal/sandbox-demo';
import { hashPassword } from '@wholesale/schema/auth/password';
import type { SecretBox } from '@wholesale/schema/settings/secret-box';
import { secretHint } from '@wholesale/schema/settings/secret-box';

const products = [
  {
    sku: 'TW-1001',
    nameJa: '有田焼 小皿 5枚組',
    nameEn: 'Arita ware small plates, set of 5',
    price: 1980,
    taxRate: 10,
    stock: 120,
  },
  {
    sku: 'TW-1002',
    nameJa: '波佐見焼 マグカップ',
    nameEn: 'Hasami ware mug',
    price: 1320,
    taxRate: 10,
    stock: 200,
  },
  {
    sku: 'TW-1003',
    nameJa: '竹製 箸 10膳',
    nameEn: 'Bamboo chopsticks, 10 pairs',
    price: 880,
    taxRate: 10,
    stock: 500,
  },
  {
    sku: 'PK-2001',
    nameJa: '和紙 包装紙 50枚',
    nameEn: 'Washi wrapping paper, 50 sheets',
    price: 2750,
    taxRate: 10,
    stock: 80,
  },
  {
    sku: 'PK-2002',
    nameJa: '手ぬぐい 注染 藍',
    nameEn: 'Chusen-dyed tenugui towel, indigo',
    price: 990,
    taxRate: 10,
    stock: 300,
  },
  {
    sku: 'FD-3001',
    nameJa: '静岡 煎茶 100g',
    nameEn: 'Shizuoka sencha green tea, 100 g',
    price: 1080,
    taxRate: 8,
    stock: 400,
  },
  {
    sku: 'FD-3002',
    nameJa: '宇治 抹茶 30g',
    nameEn: 'Uji matcha, 30 g',
    price: 2160,
    taxRate: 8,
    stock: 150,
  },
  {
    sku: 'FD-3003',
    nameJa: '草加せんべい 12枚入',
    nameEn: 'Soka rice crackers, 12 pieces',
    price: 648,
    taxRate: 8,
    stock: 600,
  },
  {
    sku: 'FD-3004',
    nameJa: '小豆島 醤油 500ml',
    nameEn: 'Shodoshima soy sauce, 500 ml',
    price: 756,
    taxRate: 8,
    stock: 250,
  },
  {
    sku: 'FD-3005',
    nameJa: '北海道 昆布 200g',
    nameEn: 'Hokkaido kombu, 200 g',
    price: 1296,
    taxRate: 8,
    stock: 180,
  },
  {
    sku: 'FD-3006',
    nameJa: '羊羹 詰め合わせ',
    nameEn: 'Yokan assortment',
    price: 2376,
    taxRate: 8,
    stock: 60,
  },
  {
    sku: 'FD-3007',
    nameJa: '梅干し 紀州南高梅 300g',
    nameEn: 'Kishu Nanko umeboshi, 300 g',
    price: 1944,
    taxRate: 8,
    stock: 3,
  },
];

const settings: {
  method: PaymentMethod;
  enabled: boolean;
  forNew: boolean;
  description: string;
}[] = [
  {
    method: 'PAYPAL',
    enabled: true,
    forNew: true,
    description:
      'PayPalアカウント、またはPayPal上でクレジットカードでお支払いいただけます。注文確定後、PayPalの画面に移動します。',
  },
  {
    method: 'BANK_TRANSFER',
    enabled: true,
    forNew: true,
    description:
      'ご注文後7日以内に下記口座へお振込みください。サンプル銀行 本店営業部 普通 1234567 カ)ホールセールショップ',
  },
  {
    method: 'CASH_ON_DELIVERY',
    enabled: false,
    forNew: false,
    description: '商品お届け時に配送業者へお支払いください。',
  },
  {
    method: 'INVOICE',
    enabled: false,
    forNew: false,
    description: '月末締め翌月末払いの掛け払いです。',
  },
];

/** Demo logins of the embedded default; see the README. */
export const demoLogins = {
  staff: { email: 'admin@example.com', password: 'admin-demo' },
  paypalMember: { email: 'buyer@example.com', password: 'buyer-demo' },
  transferMember: { email: 'transfer@example.com', password: 'transfer-demo' },
};

/**
 * Fills an empty database with the demo shop: a merchant, two members, a catalogue with both
 * tax rates, shipping of ¥800 (free from ¥10,000), and payment settings pointing at the local
 * PayPal sandbox. Does nothing when
 * there are users already.
 */
export async function seedDemoData(db: PrismaClient, secrets: SecretBox): Promise<boolean> {
  if ((await db.user.count()) > 0) return false;

  const [staffHash, buyerHash, transferHash] = await Promise.all([
    hashPassword(demoLogins.staff.password),
    hashPassword(demoLogins.paypalMember.password),
    hashPassword(demoLogins.transferMember.password),
  ]);

  await db.$transaction(async (tx) => {
    await tx.user.create({
      data: {
        email: demoLogins.staff.email,
        passwordHash: staffHash,
        role: 'STAFF',
        name: '店舗管理者',
      },
    });
    await tx.user.create({
      data: {
        email: demoLogins.paypalMember.email,
        passwordHash: buyerHash,
        role: 'MEMBER',
        name: '山田 花子',
        member: {
          create: {
            companyName: '株式会社やまだ商店',
            contactName: '山田 花子',
            allowedPaymentMethods: ['PAYPAL', 'BANK_TRANSFER'],
          },
        },
      },
    });
    await tx.user.create({
      data: {
        email: demoLogins.transferMember.email,
        passwordHash: transferHash,
        role: 'MEMBER',
        name: '佐藤 一郎',
        member: {
          create: {
            companyName: '有限会社さとう物産',
            contactName: '佐藤 一郎',
            allowedPaymentMethods: ['BANK_TRANSFER'],
          },
        },
      },
    });
    await tx.product.createMany({
      data: products.map((product, position) => ({ ...product, position })),
    });
    await tx.paymentMethodSetting.createMany({
      data: settings.map(({ method, enabled, forNew, description }) => ({
        method,
        enabled,
        enabledForNewMembers: forNew,
        description,
      })),
    });
    await tx.shopSettings.create({
      data: { id: 1, taxRounding: 'FLOOR', shippingFee: 800, freeShippingFrom: 10000 },
    });
    await tx.payPalAccount.create({
      data: {
        id: 1,
        environment: 'LOCAL',
        apiUsername: DEMO_CREDENTIALS.username,
        apiPasswordEncrypted: secrets.seal(DEMO_CREDENTIALS.password),
        apiPasswordHint: secretHint(DEMO_CREDENTIALS.password),
        apiSignatureEncrypted: secrets.seal(DEMO_CREDENTIALS.signature),
        apiSignatureHint: secretHint(DEMO_CREDENTIALS.signature),
      },
    });
  });

  return true;
}
