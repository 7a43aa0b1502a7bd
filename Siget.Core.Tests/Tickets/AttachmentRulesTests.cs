using System.IO.Compression;
using System.Text;
using Siget.Core.Tickets;

namespace Siget.Core.Tests.Tickets;

public class AttachmentRulesTests
{
    private static MemoryStream Bytes(params byte[] bytes) => new(bytes);
    private static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    private static MemoryStream Zip(params string[] entries)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in entries)
                using (var writer = new StreamWriter(zip.CreateEntry(entry).Open())) writer.Write("<x/>");
        stream.Position = 0;
        return stream;
    }

    private static AttachmentKind Check(string name, MemoryStream content) => AttachmentRules.Check(name, content, content.Length);

    [Fact]
    public void Allowed_files_are_recognised_from_their_content()
    {
        Check("informe.pdf", Text("%PDF-1.7\n...")).Should().Be(AttachmentRules.Pdf);
        Check("captura.png", Bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0)).Should().Be(AttachmentRules.Png);
        Check("foto.JPG", Bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0)).Should().Be(AttachmentRules.Jpeg);
        Check("anim.gif", Text("GIF89a....")).Should().Be(AttachmentRules.Gif);
        Check("registro.log", Text("2026-11-25 error: sin conexión\r\n")).Should().Be(AttachmentRules.Text);
        Check("datos.csv", Text("a;b\n1;2\n")).Should().Be(AttachmentRules.Csv);
        Check("acta.docx", Zip("[Content_Types].xml", "word/document.xml")).Should().Be(AttachmentRules.Word);
        Check("cuadro.xlsx", Zip("[Content_Types].xml", "xl/workbook.xml")).Should().Be(AttachmentRules.Excel);
        Check("charla.pptx", Zip("[Content_Types].xml", "ppt/presentation.xml")).Should().Be(AttachmentRules.PowerPoint);
        Check("logs.zip", Zip("a.txt")).Should().Be(AttachmentRules.Zip);
    }

    [Theory]
    [InlineData("captura.png", "not a png", "*no es un archivo PNG válido*")]
    [InlineData("informe.pdf", "<html>", "*no es un archivo PDF válido*")]
    [InlineData("script.exe", "MZ", "*tipo de archivo no permitido*")]
    [InlineData("pagina.html", "<script>", "*tipo de archivo no permitido*")]
    [InlineData("sin-extension", "hola", "*tipo de archivo no permitido*")]
    public void A_file_whose_name_or_content_is_not_allowed_is_refused(string name, string content, string message)
    {
        var act = () => Check(name, Text(content));
        act.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void A_zip_renamed_as_an_office_file_and_a_binary_renamed_as_text_are_refused()
    {
        var fakeDocx = () => Check("acta.docx", Zip("a.txt"));
        fakeDocx.Should().Throw<DomainException>().WithMessage("*no es un archivo Word válido*");
        var binary = () => Check("notas.txt", Bytes(0x4D, 0x5A, 0x00, 0x01, 0x02));
        binary.Should().Throw<DomainException>();
    }

    [Fact]
    public void Empty_and_larger_than_10_MB_files_are_refused()
    {
        var empty = () => AttachmentRules.Check("vacio.txt", new MemoryStream(), 0);
        empty.Should().Throw<DomainException>().WithMessage("«vacio.txt» está vacío.");
        var big = () => AttachmentRules.Check("grande.txt", Text("x"), AttachmentRules.MaxBytes + 1);
        big.Should().Throw<DomainException>().WithMessage("«grande.txt» pesa más de 10 MB.");
    }

    [Theory]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("C:\\Users\\ana\\informe.pdf", "informe.pdf")]
    [InlineData("mal\"nombre<>.txt", "malnombre.txt")]
    [InlineData("   ", "archivo")]
    public void File_names_lose_paths_and_unsafe_characters(string name, string expected)
    {
        AttachmentRules.CleanFileName(name).Should().Be(expected);
    }
}
