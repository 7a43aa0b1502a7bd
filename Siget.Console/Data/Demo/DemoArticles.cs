using Siget.Console.Data;
using Siget.Core.Access;
using Siget.Core.Knowledge;

namespace Siget.Console.Data.Demo;

/// <summary>Development only: a few knowledge-base articles, public and internal, one still a draft, written through
/// the domain so their versions are real.</summary>
internal static class DemoArticles
{
    public static void Add(SigetDbContext db, Actor specialist, Actor supervisor, DateTime nowUtc)
    {
        var written = nowUtc.AddDays(-20);
        foreach (var (title, code, visibility, publish, body) in Articles)
        {
            var content = new ArticleContent(title, code, body, visibility);
            var article = Article.Write(content, specialist, written);
            if (publish) article.Publish(content, supervisor, written.AddHours(2), "Revisado por la jefatura de la UTI");
            db.Articles.Add(article);
            written = written.AddDays(2);
        }
    }

    private static readonly (string Title, int Code, ArticleVisibility Visibility, bool Publish, string Body)[] Articles =
    [
        ("La impresora no imprime o muestra atasco de papel", 15, ArticleVisibility.Publica, true, """
            ## Síntoma

            La impresora no imprime, muestra «Atasco de papel» o la luz naranja parpadea.

            ## Qué puede hacer usted

            1. Apague la impresora y desconéctela de la corriente.
            2. Abra la tapa frontal y la bandeja 2; retire con cuidado el papel atascado, tirando en el sentido de salida.
            3. Verifique que el papel no esté húmedo ni doblado y que no supere la marca de la bandeja.
            4. Encienda la impresora y envíe una página de prueba.

            Si el atasco se repite o se escucha un ruido de engranajes, **no fuerce** la impresora: registre un ticket.
            """),
        ("Conectarse a la VPN institucional desde casa", 5, ArticleVisibility.Publica, true, """
            ## Antes de empezar

            Necesita el cliente **FortiClient VPN** (lo instala la UTI) y su usuario y contraseña de red.

            ## Pasos

            1. Abra FortiClient y elija la conexión **VPN-PAIS**.
            2. Escriba su usuario de red (sin @dominio) y su contraseña.
            3. Acepte el código que llega a su celular (factor de autenticación).

            ## Si no conecta

            - «Credenciales inválidas»: su contraseña puede haber vencido; cámbiela en la intranet.
            - «Tiempo de espera agotado»: pruebe con otra red (los datos del celular) por si su red bloquea la VPN.
            """),
        ("Olvidé la contraseña del correo institucional", 6, ArticleVisibility.Publica, true, """
            ## Restablecer la contraseña usted mismo

            1. Entre a https://aka.ms/sspr desde cualquier navegador.
            2. Escriba su correo institucional y el texto de la imagen.
            3. Elija recibir el código en su celular registrado y escriba el código.
            4. Cree una contraseña nueva de al menos 12 caracteres, con mayúsculas, números y un símbolo.

            Si no tiene celular registrado o la cuenta aparece **bloqueada**, registre un ticket del servicio «Cuenta bloqueada».
            """),
        ("Recuperar la contraseña de SISMONITOR", 32, ArticleVisibility.Publica, true, """
            ## Pasos

            1. En la pantalla de ingreso de SISMONITOR, pulse **¿Olvidó su contraseña?**.
            2. Escriba su DNI; llegará un enlace a su correo institucional (revise también «Correo no deseado»).
            3. El enlace vale 30 minutos; cree su contraseña nueva.

            Si su cuenta de SISMONITOR es nueva y nunca ingresó, pida primero la cuenta (servicio «Solicito cuenta»).
            """),
        ("SISMONITOR: «Error 500 al guardar la intervención»", 33, ArticleVisibility.Interna, true, """
            ## Causa conocida

            Ocurre cuando la intervención tiene una fecha de ejecución fuera del mes del plan; el servicio de validación
            responde 500 en vez de un mensaje claro (reportado al proveedor).

            ## Solución

            1. Pida al usuario la fecha de la intervención y compruebe el mes del plan en *Plan mensual › Editar intervención*.
            2. Corrija la fecha o mueva la intervención al plan del mes correcto.
            3. Si la fecha es correcta, revise en el registro del servidor `sismonitor-api` la traza con el DNI del usuario y escale al Nivel 2.
            """),
        ("VPN: reiniciar la sesión colgada de un usuario en el FortiGate", 5, ArticleVisibility.Interna, true, """
            ## Cuándo

            El usuario dice que la VPN «se queda conectando» y el FortiGate muestra una sesión suya abierta.

            ## Cómo (solo Nivel 2)

            1. Ingrese al FortiGate con su cuenta nominal.
            2. *Monitor › SSL-VPN Monitor*, busque el usuario y pulse **End Session**.
            3. Pida al usuario que vuelva a conectar y registre en el ticket la hora del reinicio.
            """),
        ("Configurar la firma digital en el SGD", 28, ArticleVisibility.Interna, false, """
            ## Síntoma

            El SGD no reconoce el certificado de firma digital del DNIe.

            ## Solución (en revisión)

            Instalar el controlador del lector y el componente de firma de RENIEC; reiniciar el navegador.
            """),
    ];
}
