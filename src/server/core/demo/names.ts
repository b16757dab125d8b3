import type { Random } from './random.ts';

// Surnames weighted roughly by frequency (the most common first, repeated), given-name characters by gender.
const SURNAMES =
  '王王王王王李李李李李张张张张张刘刘刘刘陈陈陈陈杨杨杨黄黄黄赵赵赵吴吴周周徐徐孙孙马马朱朱胡胡郭郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const MALE = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳晨峰建国志文庆德永海东洪亮'.split(
  '',
);
const FEMALE = '芳娜敏静丽艳娟霞秀英华慧巧美娅玲桂兰红梅琳颖雪洁婷倩琴云莉萍燕珍玉佳欣怡悦妍瑶晶'.split('');

export function personName(random: Random, gender: 'male' | 'female', surname?: string): string {
  const pool = gender === 'male' ? MALE : FEMALE;
  const given = random.chance(0.35) ? random.pick(pool) : random.pick(pool) + random.pick(pool);
  return (surname ?? random.pick(SURNAMES)) + given;
}

export function surname(random: Random): string {
  return random.pick(SURNAMES);
}

const COMPOUNDS = ['家园', '花园', '小区', '新村', '佳苑', '雅居', '名都', '华庭', '锦城', '御景'];
const COMPOUND_PREFIX = '和谐幸福阳光金色翠湖滨河春晖东方世纪香榭绿洲怡景康宁丰泽嘉禾润园碧水'.match(
  /.{2}/g,
)!;
const PROPERTY = [
  '初心引领物业服务有限公司',
  '安居物业',
  '城投物业',
  '鑫源物业',
  '惠民物业',
  '宜家物业',
  '华夏物业',
];

export function compoundName(random: Random): string {
  return random.pick(COMPOUND_PREFIX) + random.pick(COMPOUNDS);
}

export function propertyCompany(random: Random): string {
  return random.pick(PROPERTY);
}
