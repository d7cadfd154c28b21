#!/bin/sh
# genroster.sh N [SEED] — print a roster.xml of N approved workshops that
# validates against forms/roster.rng, for `make bench` (publish at scale).
# Names, units, members (2-8), areas (1-3) and text lengths vary.  The
# schema's ids hold two digits per year (HZNU-GZF-YYYY-NN), so past 99 the
# id's year moves on while every workshop stays in year 2026, the year
# `publish` lists.
n=${1:?usage: genroster.sh N [SEED]}
awk -v n="$n" -v seed="${2:-1}" 'BEGIN {
	srand(seed)
	ns = split("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 萧 田 董 潘 袁 蔡 蒋 余 于 杜 叶 程 魏 苏 吕 丁 任 沈 欧阳 司马", S, " ")
	ng = split("思 远 嘉 禾 若 溪 清 和 晓 岚 承 泽 佳 琪 书 瑶 一 鸣 子 涵 梓 萌 可 欣 静 怡 堃 䶮 雨 桐 浩 然 明 轩 诗 雅 文 博 宇 航 婧 昊 晨 曦 睿 琳", G, " ")
	nu = split("教育学院 经济与管理学院 人文学院 理学院 医学院 阿里巴巴商学院 外国语学院 沈钧儒法学院 经亨颐学院 信息科学与技术学院 材料与化学化工学院 音乐学院 美术学院 体育学院 公共卫生学院 护理学院 马克思主义学院 钱江学院 国际教育学院 心理学院", U, " ")
	na = split("领导力培养 社会实践 职业发展规划 心理健康教育 学业指导 网络思政 资助育人 创新创业 文化育人 志愿服务 宿舍文化 劳动教育", A, " ")
	nw = split("启航 职引 数智 医心 文心 青禾 星火 知行 致远 同心 云帆 笃行 明德 新农人 向阳 博雅", W, " ")
	nk = split("领导力成长 生涯发展 学业帮扶 心理赋能 网络育人 实践育人 朋辈互助 创新创业 文化传承 志愿服务", K, " ")
	nr = split("学生干部胜任力模型与分层培养|朋辈教育与荣誉学院学生发展|大学生生涯适应力与职业决策|网络舆情与思想引领|学业困难学生的早期识别与帮扶|医学生职业认同|乡村振兴中的大学生实践|心理危机的识别与干预", R, "|")
	printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<roster version=\"1\" updated=\"2026-11-23\">\n"
	for (i = 0; i < n; i++) {
		id = sprintf("HZNU-GZF-%04d-%02d", 2026 - int(i / 99), i % 99 + 1)
		printf "  <workshop id=\"%s\" year=\"2026\">\n", id
		printf "    <name>%s%s%s工作坊</name>\n", W[int(rand()*nw)+1], K[int(rand()*nk)+1], (rand() < .3 ? "与成长" : "")
		printf "    <leader>\n      <name>%s</name>\n      <staff-id>%d</staff-id>\n      <unit>%s</unit>\n      <post>专职辅导员</post>\n    </leader>\n", person(), 2005000 + int(rand()*20000), U[int(rand()*nu)+1]
		printf "    <members>\n"
		m = 2 + int(rand() * 7)
		for (j = 0; j < m; j++)
			printf "      <member>\n        <name>%s</name>\n        <staff-id>%d</staff-id>\n        <unit>%s</unit>\n        <post>%s</post>\n        <research>%s</research>\n      </member>\n", person(), 2005000 + int(rand()*20000), U[int(rand()*nu)+1], (rand() < .6 ? "专职辅导员" : "兼职辅导员"), R[int(rand()*nr)+1]
		printf "    </members>\n    <areas>\n"
		a = 1 + int(rand() * 3); first = int(rand() * na)
		for (j = 0; j < a; j++)
			printf "      <area>%s</area>\n", A[(first + j) % na + 1]
		printf "    </areas>\n    <plan digest=\"sha256:"
		for (j = 0; j < 64; j++)
			printf "%x", int(rand() * 16)
		printf "\" source=\"申报/%d.ini\"/>\n    <status state=\"在建\"/>\n    <history>\n      <approved date=\"2026-11-23\" source=\"申报/%d.ini\"/>\n    </history>\n  </workshop>\n", i, i
	}
	printf "</roster>\n"
}
function person(   s) {
	s = S[int(rand()*ns)+1] G[int(rand()*ng)+1]
	if (rand() < .7)
		s = s G[int(rand()*ng)+1]
	return s
}'
