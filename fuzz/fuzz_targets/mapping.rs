//! Mapping files (`ImportOptions::from_json`): the JSON, then optionally
//! NUL and a tracker to import with it (a small built-in CSV tracker when
//! there is none). Never a panic, never a hang (an empty lead spelling
//! once made lead matching loop for ever); a plan imported passes
//! `Plan::check`. The limits are put back to the defaults, since a mapping
//! may raise them as far as the caller likes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lineofsight::import::{import_plan, ImportOptions, Limits};
use lineofsight_fuzz::{check_import, parts};

const TRACKER: &[u8] = b"Corporate Parenting Plan\n\
Objective 1: Children have a voice\n\
Ref,Action,Lead,By when?,RAG,Progress\n\
1.1,Set up a children in care council,Head of Service; YOS,Dec-19,Green,Met twice\n\
1.2,Review placements,Virtual School Head,Q3 2019/20,A/G,\n\
,\xe2\x80\xa2 Survey carers \xe2\x80\xa2 Report to board,Participation Officer,Ongoing,Amber,\n";

fuzz_target!(|data: &[u8]| {
    let p = parts(data, 2);
    let Ok(json) = std::str::from_utf8(p[0]) else {
        return;
    };
    match ImportOptions::from_json(json) {
        Ok(mut options) => {
            options.limits = Limits::default();
            check_import(import_plan(p.get(1).copied().unwrap_or(TRACKER), &options));
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
