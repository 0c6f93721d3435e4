//! The HTML board report's style sheet: the screen layout, the A4 print
//! layout (summary on a page of its own, fixed column shares so the Action
//! column is readable, header rows repeated, rows never split) and each
//! rating's colours.

use std::fmt::Write;

use super::escape::escape_html as esc;
use crate::report::RatingLook;

pub(super) const CSS: &str = r#"
*{box-sizing:border-box}
html{color:#1a1a1a;background:#ffffff}
body{font-family:Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.45;margin:0 auto;padding:1rem 1.5rem 3rem;max-width:80rem}
h1{font-size:1.75rem;margin:.5rem 0}
h2{font-size:1.4rem;margin:2.5rem 0 .75rem;padding-top:.5rem;border-top:3px solid #1a1a1a}
h3{font-size:1.15rem;margin:2rem 0 .5rem}
a{color:#0b4f8a}
a:focus{outline:3px solid #1a1a1a;outline-offset:2px}
.meta{margin:.25rem 0}
.note{border-left:6px solid #1a1a1a;background:#f2f2f2;padding:.5rem .75rem;margin:1rem 0}
nav ul{columns:2;padding-left:1.25rem}
dl.objective-facts{margin:.5rem 0}
dl.objective-facts dt{font-weight:bold;margin-top:.5rem}
dl.objective-facts dd{margin:0 0 .25rem 0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #595959;padding:.35rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
thead th{background:#e6e6e6;overflow-wrap:normal}
col.c-num{width:5.5rem}
tfoot th,tfoot td{font-weight:bold;border-top:3px solid #1a1a1a}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.rag{white-space:nowrap;font-weight:bold}
span.rag,ul.key li{padding:.1rem .4rem;border:1px solid #595959}
.shape{display:inline-block;min-width:1.2em}
col.c-ref{width:6rem}
col.c-obj{width:6rem}
col.c-when{width:10rem}
col.c-lead{width:12rem}
col.c-rag{width:8rem}
col.c-action{width:30%}
col.c-update{width:20%}
.why{white-space:normal;font-weight:normal}
.when{font-weight:bold;white-space:nowrap}
figure.measure{margin:1.5rem 0;break-inside:avoid;page-break-inside:avoid}
figure.measure svg{max-width:100%;height:auto;border:1px solid #595959}
figcaption{margin-top:.4rem}
ul.key{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
footer{margin-top:3rem;font-size:.9rem;border-top:1px solid #595959;padding-top:.5rem}
figure.summary-chart{margin:1rem 0}
figure.summary-chart svg{width:100%;max-width:48rem;height:auto;display:block}
table.counts{width:auto}
table.counts th,table.counts td{min-width:6.5rem;text-align:center}
ol.top-exceptions li{margin:.35rem 0}
ol.top-exceptions .why{font-style:italic}
td.moved-by{white-space:nowrap}
@page{size:A4 portrait;margin:12mm 10mm}
@media print{
html,body{background:#ffffff;color:#000000}
body{font-size:9pt;line-height:1.3;max-width:none;padding:0}
nav{display:none}
a{color:#000000;text-decoration:none}
h1{font-size:16pt;margin:0 0 2mm}
h2{font-size:13pt;margin:4mm 0 2mm;break-after:avoid;page-break-after:avoid}
h3{font-size:11pt;margin:3mm 0 1.5mm;break-after:avoid;page-break-after:avoid}
.first-page{break-after:page;page-break-after:always}
#summary h2{margin-top:2mm}
figure.summary-chart svg{max-width:100%;max-height:115mm}
table{table-layout:fixed;margin:1mm 0 3mm}
table.counts{table-layout:auto}
caption{padding:0 0 1mm}
th,td{padding:1mm 1.2mm;font-size:8.5pt;border-color:#000000;overflow-wrap:break-word;hyphens:auto}
thead{display:table-header-group}
tfoot{display:table-footer-group}
tr{break-inside:avoid;page-break-inside:avoid}
thead th{background:#ffffff;border-bottom:2px solid #000000}
col.c-obj{width:11%}
col.c-ref{width:5%}
col.c-action{width:29%}
col.c-when{width:10%}
col.c-lead{width:10%}
col.c-update{width:18%}
col.c-rag{width:8%}
col.c-why{width:16%}
col.c-num{width:9%}
table.moved col.c-action{width:58%}
table.moved col.c-when{width:14%}
.rag,ul.key li{background:#ffffff !important;color:#000000 !important}
.rag{white-space:normal}
.note{background:#ffffff}
dl.objective-facts{margin:0 0 1mm}
dl.objective-facts dt{display:inline;margin:0}
dl.objective-facts dt::after{content:": "}
dl.objective-facts dd{display:inline;margin:0}
dl.objective-facts dd::after{content:"";display:block}
section.objective,section.lead{break-inside:auto}
figure.measure{display:inline-block;width:49%;vertical-align:top;margin:1mm 0}
ol.top-exceptions li{margin:1mm 0}
footer{margin-top:4mm}
}
"#;

/// The CSS class for each rating's colours, from the report's resolved
/// looks (valid `#rrggbb` colours only, with contrasting text).
pub(super) fn rating_css(looks: &[RatingLook]) -> String {
    let mut css = String::new();
    for l in looks {
        let _ = writeln!(
            css,
            ".rag-{}{{background:{};color:{}}}",
            esc(&l.code),
            esc(&l.colour),
            esc(&l.text_colour)
        );
    }
    css
}
