//! Output: composed pages → a PDF for one printer, a PNG preview, a file,
//! a print queue.
//!
//! [`target`] resolves what the printer needs (office, copy shop, press:
//! bleed, marks, PDF/X, ink limits); [`color`] converts colours and pictures
//! for it; [`preflight`] checks the pages against it; [`pdf`] writes the PDF
//! (with [`marks`]) and [`raster`] the PNG preview from the same pages;
//! [`file`](mod@file) puts bytes on disk without leaving half a file; [`print`](mod@print) sends a
//! PDF to a CUPS queue; [`ticket`] says what to ask a copy shop for;
//! [`open`] shows a finished file in the desktop's viewer.

pub mod color;
pub mod file;
pub mod marks;
pub mod open;
pub mod pdf;
pub mod preflight;
pub mod print;
pub mod raster;
pub mod target;
pub mod ticket;
